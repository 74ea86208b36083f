import Manifests
import Policy

/// Builds kustomization roots natively, as `kustomize build` (v5) does, keeping where every
/// value was written.
///
/// The order of work inside one kustomization follows kustomize: resources, generators,
/// components, then the transformers (patches, namespace, prefix and suffix, labels,
/// annotations, JSON patches, replicas, images); at the root only, generated names get their
/// content hash and every reference to a renamed object is rewritten.
package struct KustomizeBuilder: Sendable {
    package var fileSystem: any BuildFileSystem
    package var limits: BuildLimits
    /// Shared by the builds of one tree's roots, when given.
    package var cache: BuildCache?
    /// The Helm engine for `helmCharts`; without one a root with charts is refused with a note.
    package var charts: (any ChartInflater)?
    /// Repositories of remote bases fetched so far; without it remote bases are refused with a note.
    package var remotes: RemoteTrees?

    package init(
        fileSystem: any BuildFileSystem = LocalFileSystem(), limits: BuildLimits = BuildLimits(),
        cache: BuildCache? = nil,
        charts: (any ChartInflater)? = nil, remotes: RemoteTrees? = nil
    ) {
        self.fileSystem = fileSystem
        self.limits = limits
        self.cache = cache
        self.charts = charts
        self.remotes = remotes
    }

    /// Builds the kustomization in `folder`. Throws `KustomizeError` for input kustomize
    /// would refuse too; features Shipshape does not build come back as notes.
    /// `deployer`: the Flux Kustomization or Argo CD Application that deploys the folder, whose
    /// fields are laid over the folder's kustomization (or one generated for a folder without).
    package func build(folder: String, deployer: RootDeployer? = nil) throws -> BuiltRoot {
        let session = BuildSession(
            fileSystem: remotes.map { MountedFileSystem(local: fileSystem, remotes: $0) } ?? fileSystem, limits: limits,
            cache: cache)
        session.charts = charts
        session.remotes = remotes
        session.rootDeployer = deployer
        session.notes += deployer?.unbuilt ?? []
        let root = BuildPath.clean(folder)
        var resources: [Resource]
        do {
            resources = try session.accumulate(folder: root, into: [], isComponent: false, depth: 0, via: nil)
        } catch is KustomizeError where !session.notes.isEmpty {
            // A part left out (a base not fetched, a chart not rendered) makes later steps fail
            // (a patch whose object is in that base): the root is refused for what was left out.
            return BuiltRoot(
                folder: root, kustomizationFile: session.rootFile ?? root, resources: [], notes: session.notes,
                warnings: session.warnings,
                files: session.filesRead, chartFolders: session.chartFolders, deployer: deployer)
        }
        try Generators.addHashSuffixes(&resources)
        NameReferences.fix(&resources, extraRules: session.referenceRules)
        try VarTransformer.resolve(session.vars, in: &resources)
        resources.removeAll {
            $0.node[path: "metadata", "annotations", "config.kubernetes.io/local-config"]?.string == "true"
        }
        for index in resources.indices {
            resources[index].node.normalizeAnnotations()
            resources[index].node.fillOrigins(resources[index].anchor)
        }
        return BuiltRoot(
            folder: root, kustomizationFile: session.rootFile ?? root, resources: resources,
            notes: session.notes, warnings: session.warnings, files: session.filesRead,
            chartFolders: session.chartFolders, deployer: deployer)
    }
}

/// What one root builds to.
package struct BuiltRoot: Sendable {
    package var folder: String
    package var kustomizationFile: String
    package var resources: [Resource]
    /// Features asked for that Shipshape does not build: the objects may differ from kustomize's.
    package var notes: [KustomizeNote]
    /// Things kustomize accepts silently that are probably mistakes (a patch target matching nothing).
    package var warnings: [KustomizeNote]
    /// Every file the build read, for knowing which roots a changed file affects.
    package var files: Set<String>
    /// The chart folders in the chart home its `helmCharts` rendered: the Helm engine reads them
    /// whole, not through `files`, and a change to any file under one changes the build.
    package var chartFolders: Set<String> = []
    /// The Flux Kustomization or Argo CD Application it was built for, if any.
    package var deployer: RootDeployer?

    package var isComplete: Bool { notes.isEmpty }
}

/// The mutable state of one root's build: counters for the limits, the chain of folders for
/// cycles, notes, and parsed files.
final class BuildSession {
    let fileSystem: any BuildFileSystem
    let limits: BuildLimits
    let cache: BuildCache?
    var notes: [KustomizeNote] = []
    var warnings: [KustomizeNote] = []
    var filesRead: Set<String> = []
    /// See `BuiltRoot.chartFolders`.
    var chartFolders: Set<String> = []
    /// Name references declared by `configurations:` anywhere in the tree (kustomize merges
    /// them upward and applies them at the root).
    var referenceRules: [NameReferences.Rule] = []
    /// `vars:` declared anywhere in the tree, replaced at the root.
    var vars: [Var] = []
    var rootFile: String?
    /// What deploys the root folder (its fields are laid over the root's kustomization).
    var rootDeployer: RootDeployer?
    var charts: (any ChartInflater)?
    var remotes: RemoteTrees?
    private var totalBytes = 0
    private var chain: [String] = []
    /// What each folder build under way (to be cached) has read so far, innermost last: all of
    /// it, files the root had already read included, so that a root finding the folder built
    /// knows every file it stands for, and counts them and their bytes against its own bounds.
    private var folderReads: [FolderReads] = []

    private struct FolderReads {
        var files: Set<String> = []
        var chartFolders: Set<String> = []
        var bytes = 0
    }

    init(fileSystem: any BuildFileSystem, limits: BuildLimits, cache: BuildCache?) {
        self.fileSystem = fileSystem
        self.limits = limits
        self.cache = cache
    }

    func read(_ path: String, at location: SourceLocation?) throws -> [UInt8] {
        try count(files: CollectionOfOne(path), at: location)
        let bytes: [UInt8]
        do { bytes = try fileSystem.read(path) } catch let error as KustomizeError {
            throw KustomizeError(error.message, at: location)
        }
        guard bytes.count <= limits.maxFileBytes else {
            throw KustomizeError(
                "\(path) is \(bytes.count) bytes, larger than the \(limits.maxFileBytes) Shipshape reads", at: location)
        }
        try count(bytes: bytes.count, at: location)
        return bytes
    }

    /// Files the build reads (or finds read already by a cached build), against `maxFiles`.
    func count(files: some Sequence<String>, at location: SourceLocation?) throws {
        for path in files {
            for index in folderReads.indices { folderReads[index].files.insert(path) }
            if filesRead.insert(path).inserted, filesRead.count > limits.maxFiles {
                throw KustomizeError(
                    "the build reads more than \(limits.maxFiles) files, more than Shipshape reads for one kustomization",
                    at: location)
            }
        }
    }

    /// Bytes the build reads (or finds read already by a cached build), against `maxTotalBytes`.
    func count(bytes: Int, at location: SourceLocation?) throws {
        for index in folderReads.indices { folderReads[index].bytes += bytes }
        totalBytes += bytes
        guard totalBytes <= limits.maxTotalBytes else {
            throw KustomizeError("the build reads more than \(limits.maxTotalBytes) bytes", at: location)
        }
    }

    /// A chart folder of the tree that a `helmCharts` entry renders (see `BuiltRoot.chartFolders`).
    func noteChartFolder(_ folder: String) {
        chartFolders.insert(folder)
        for index in folderReads.indices { folderReads[index].chartFolders.insert(folder) }
    }

    func note(_ feature: String, _ message: String, at location: SourceLocation?) {
        notes.append(KustomizeNote(feature: feature, message: message, location: location))
    }

    /// The kustomization file of a folder.
    func kustomization(in folder: String, at location: SourceLocation?) throws -> Kustomization {
        let present = Kustomization.fileNames.map { BuildPath.join(folder, $0) }.filter { fileSystem.fileExists($0) }
        guard let file = present.first else {
            throw KustomizeError(
                "\(folder) has no kustomization.yaml, kustomization.yml or Kustomization", at: location)
        }
        guard present.count == 1 else {
            throw KustomizeError(
                "\(folder) holds more than one kustomization file (\(present.map(BuildPath.base).joined(separator: ", ")))",
                at: location)
        }
        return try Kustomization(file: file, bytes: read(file, at: location))
    }

    /// Resources, generators, components and transformers of one kustomization folder, over
    /// `parent` (a component works on the objects of the kustomization that includes it).
    func accumulate(
        folder: String, into parent: [Resource], isComponent: Bool, depth: Int, via location: SourceLocation?
    ) throws -> [Resource] {
        // The root of a deployer's build is not the folder's own build: never cached.
        guard let cache, !isComponent, parent.isEmpty, !(depth == 0 && rootDeployer != nil) else {
            return try accumulateUncached(
                folder: folder, into: parent, isComponent: isComponent, depth: depth, via: location)
        }
        if let cached = cache.folder(folder) {
            notes += cached.notes
            warnings += cached.warnings
            try count(files: cached.files, at: location)
            try count(bytes: cached.bytes, at: location)
            for chartFolder in cached.chartFolders { noteChartFolder(chartFolder) }
            referenceRules += cached.referenceRules
            vars += cached.vars
            if rootFile == nil {
                rootFile = Kustomization.fileNames.map { BuildPath.join(folder, $0) }.first {
                    fileSystem.fileExists($0)
                }
            }
            return try cached.outcome.get()
        }
        let before = (notes: notes.count, warnings: warnings.count, rules: referenceRules.count, vars: vars.count)
        folderReads.append(FolderReads())
        defer { folderReads.removeLast() }
        do {
            let resources = try accumulateUncached(
                folder: folder, into: [], isComponent: false, depth: depth, via: location)
            let reads = folderReads[folderReads.count - 1]
            cache.store(
                BuildCache.FolderBuild(
                    outcome: .success(resources), notes: Array(notes[before.notes...]),
                    warnings: Array(warnings[before.warnings...]),
                    files: reads.files, chartFolders: reads.chartFolders, bytes: reads.bytes,
                    referenceRules: Array(referenceRules[before.rules...]),
                    vars: Array(vars[before.vars...])), of: folder)
            return resources
        } catch let error as KustomizeError {
            // Errors depend on the chain that led here (cycles, depth): not kept.
            throw error
        }
    }

    private func accumulateUncached(
        folder: String, into parent: [Resource], isComponent: Bool, depth: Int, via location: SourceLocation?
    ) throws -> [Resource] {
        guard depth <= limits.maxDepth else {
            throw KustomizeError("kustomizations are nested more than \(limits.maxDepth) deep", at: location)
        }
        if let start = chain.firstIndex(of: folder) {
            let cycle = (chain[start...] + [folder]).joined(separator: " -> ")
            throw KustomizeError("kustomizations include each other in a cycle: \(cycle)", at: location)
        }
        chain.append(folder)
        defer { chain.removeLast() }

        let kustomization: Kustomization
        if depth == 0, let deployer = rootDeployer {
            kustomization =
                try deployer.generatedKustomization()
                ?? deployer.applied(to: self.kustomization(in: folder, at: location))
        } else {
            kustomization = try self.kustomization(in: folder, at: location)
        }
        if rootFile == nil { rootFile = kustomization.file }
        if isComponent, !kustomization.isComponent {
            throw KustomizeError(
                "\(kustomization.file) is listed as a component but its kind is \(kustomization.kind), not Component",
                at: location)
        }
        if !isComponent, kustomization.isComponent {
            throw KustomizeError(
                "\(kustomization.file) is a Component; list it under components:, not resources:", at: location)
        }
        notes.append(contentsOf: kustomization.unsupportedNotes())
        try TransformerConfigurations.load(kustomization, session: self)

        var resources = parent
        var ids = Set(resources.map(\.id.key))
        for entry in try kustomization.strings("resources") + kustomization.strings("bases") {
            try addResource(entry.text, at: entry.origin, from: kustomization, to: &resources, ids: &ids, depth: depth)
        }
        try Generators.run(kustomization, session: self, resources: &resources)
        for entry in try kustomization.strings("components") {
            var path = BuildPath.join(kustomization.folder, entry.text)
            if RemoteReference.isRemote(entry.text) {
                guard let mounted = remoteFolder(entry.text, feature: "remote component", at: entry.origin) else {
                    continue
                }
                path = mounted
            }
            try staysInItsRepository(path, from: kustomization, at: entry.origin)
            guard fileSystem.isDirectory(path) else {
                throw KustomizeError("component \(entry.text) is not a folder (\(path))", at: entry.origin)
            }
            resources = try accumulate(
                folder: path, into: resources, isComponent: true, depth: depth + 1, via: entry.origin)
        }
        try Transformers.run(kustomization, session: self, resources: &resources)
        guard resources.count <= limits.maxObjects else {
            throw KustomizeError("the build makes more than \(limits.maxObjects) objects", at: location)
        }
        try VarTransformer.declare(kustomization, session: self, resources: &resources)
        return resources
    }

    private func addResource(
        _ text: String, at origin: SourceLocation?, from kustomization: Kustomization, to resources: inout [Resource],
        ids: inout Set<String>, depth: Int
    ) throws {
        var path = BuildPath.join(kustomization.folder, text)
        if RemoteReference.isRemote(text) {
            guard let mounted = remoteFolder(text, feature: "remote resource", at: origin) else { return }
            path = mounted
        }
        try staysInItsRepository(path, from: kustomization, at: origin)
        if fileSystem.fileExists(path) {
            guard BuildPath.isWithin(path, kustomization.folder) else {
                throw KustomizeError(
                    "security: file \(text) is not in or below \(kustomization.folder) (kustomize refuses files outside the kustomization's folder; list its folder instead)",
                    at: origin)
            }
            for resource in try ResourceFile.read(path, session: self, at: origin) {
                try Self.add(resource, to: &resources, ids: &ids, at: origin)
            }
        } else if fileSystem.isDirectory(path) {
            let built = try accumulate(folder: path, into: [], isComponent: false, depth: depth + 1, via: origin)
            for resource in built { try Self.add(resource, to: &resources, ids: &ids, at: origin) }
        } else {
            throw KustomizeError("resource \(text) does not exist (\(path) is neither a file nor a folder)", at: origin)
        }
    }

    /// The build folder of a remote base when its repository is fetched; else a note (and the
    /// repository is asked for, for the caller to fetch before building again).
    private func remoteFolder(_ text: String, feature: String, at origin: SourceLocation?) -> String? {
        guard let base = RemoteBase(text) else {
            note(feature, "\(feature) \(text) is a URL of a file, which Shipshape does not download", at: origin)
            return nil
        }
        guard let remotes else {
            note(feature, "\(feature) \(text) is not fetched (this build reads no Git repositories)", at: origin)
            return nil
        }
        switch remotes.lookup(base) {
        case .fetched:
            return BuildPath.join(base.mountRoot, base.path)
        case .failed(let reason):
            note(feature, "\(feature) \(text) could not be fetched: \(reason)", at: origin)
        case .missing:
            note(feature, "\(feature) \(text) is not fetched yet", at: origin)
        }
        return nil
    }

    /// A kustomization of a remote repository reads only that repository (never the machine's files).
    private func staysInItsRepository(_ path: String, from kustomization: Kustomization, at origin: SourceLocation?)
        throws
    {
        guard kustomization.folder.hasPrefix("⟨"), let end = kustomization.folder.firstIndex(of: "⟩") else { return }
        let root = String(kustomization.folder[...end])
        guard BuildPath.isWithin(path, root) else {
            throw KustomizeError("security: \(path) is outside the remote repository \(root)", at: origin)
        }
    }

    /// Adds an object, refusing a second object with the same identity as kustomize does.
    static func add(
        _ resource: Resource, to resources: inout [Resource], ids: inout Set<String>, at origin: SourceLocation?
    ) throws {
        let id = resource.id
        guard ids.insert(id.key).inserted else {
            let existing = resources.first { $0.id.matches(id) }
            throw KustomizeError(
                "\(id) is defined twice: in \(existing?.anchor.description ?? "?") and in \(resource.anchor)",
                at: origin)
        }
        resources.append(resource)
    }
}

/// Resources and components that live in another repository or on the web.
enum RemoteReference {
    static func isRemote(_ text: String) -> Bool {
        ByteSearch.contains(text: text, "://") || text.hasPrefix("git@") || text.hasPrefix("github.com/")
            || text.hasPrefix("gitlab.com/") || text.hasPrefix("bitbucket.org/")
            || ByteSearch.contains(text: text, "?ref=")
            || ByteSearch.contains(text: text, ".git//")
    }
}
