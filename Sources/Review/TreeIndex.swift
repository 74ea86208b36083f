import GitKit
import Kustomize
import Manifests
import Policy

/// The manifests of one commit, with their facts, filed by the namespace each object lands in:
/// which files hold the context (or the dependents) of a namespace, and where its workloads are.
/// Facts come from the cache; only blobs never seen before are read and parsed. The index of
/// the head is the merge base's with the changed files laid over it, so only those are looked at.
struct TreeIndex {
    /// One commit's files, built once and shared by the indexes laid over it.
    final class Storage: Sendable {
        let files: [String: TreeFile]
        let facts: [String: BlobFacts]
        let kustomizationNamespaces: [String: String]
        /// Namespace ("" for objects that land in none) → files holding objects of each role.
        let paths: [BlobFacts.Role: [String: Set<String>]]

        init(files: [String: TreeFile], facts: [String: BlobFacts]) {
            self.files = files
            self.facts = facts
            var namespaces: [String: String] = [:]
            for (path, blobFacts) in facts {
                if let namespace = blobFacts.kustomizationNamespace {
                    namespaces[Workspace.folder(of: path)] = namespace
                }
            }
            kustomizationNamespaces = namespaces
            var paths: [BlobFacts.Role: [String: Set<String>]] = [:]
            for (path, blobFacts) in facts {
                let folderNamespace = namespaces[Workspace.folder(of: path)]
                for object in blobFacts.objects where object.role != .other {
                    paths[object.role, default: [:]][object.namespace ?? folderNamespace ?? "", default: []].insert(
                        path)
                }
                if let namespace = blobFacts.kustomizationNamespace {
                    paths[.context, default: [:]][namespace, default: []].insert(path)
                }
            }
            self.paths = paths
        }
    }

    private let storage: Storage
    /// Files changed relative to `storage`: new facts, or nil for a file that is gone.
    private let overlay: [String: (file: TreeFile, facts: BlobFacts)?]

    init(files: [TreeFile], cache: FactsCache, repository: some RevisionReader) throws {
        var byPath: [String: TreeFile] = [:]
        var facts: [String: BlobFacts] = [:]
        byPath.reserveCapacity(files.count)
        facts.reserveCapacity(files.count)
        for file in files {
            byPath[file.path] = file
            facts[file.path] = try Self.facts(of: file, cache: cache, repository: repository)
        }
        storage = Storage(files: byPath, facts: facts)
        overlay = [:]
    }

    private init(storage: Storage, overlay: [String: (file: TreeFile, facts: BlobFacts)?]) {
        self.storage = storage
        self.overlay = overlay
    }

    /// The index of another revision of the same tree: `removed` paths gone, `replaced` files put in.
    func applying(removed: Set<String>, replaced: [TreeFile], cache: FactsCache, repository: some RevisionReader) throws
        -> TreeIndex
    {
        var overlay = self.overlay
        for path in removed { overlay[path] = .some(nil) }
        for file in replaced {
            overlay[file.path] = (file, try Self.facts(of: file, cache: cache, repository: repository))
        }
        return TreeIndex(storage: storage, overlay: overlay)
    }

    /// Every manifest path of the revision.
    var paths: [String] {
        var all = Set(storage.files.keys)
        for (path, changed) in overlay {
            if changed == nil { all.remove(path) } else { all.insert(path) }
        }
        return all.sorted()
    }

    func file(_ path: String) -> TreeFile? {
        if let changed = overlay[path] { return changed?.file }
        return storage.files[path]
    }

    func facts(_ path: String) -> BlobFacts? {
        if let changed = overlay[path] { return changed?.facts }
        return storage.facts[path]
    }

    func kustomizationNamespace(ofFolder folder: String) -> String? {
        for (path, changed) in overlay where Workspace.folder(of: path) == folder {
            if let namespace = changed?.facts.kustomizationNamespace { return namespace }
        }
        return storage.kustomizationNamespaces[folder]
    }

    func effectiveNamespace(of object: BlobFacts.Object, in path: String) -> String? {
        object.namespace ?? kustomizationNamespace(ofFolder: Workspace.folder(of: path))
    }

    /// The namespaces the objects of `paths` land in; `unplaced` when one lands in none
    /// (it then relates to every namespace).
    func namespaces(of paths: some Sequence<String>) -> (names: Set<String>, unplaced: Bool) {
        var names: Set<String> = []
        var unplaced = false
        for path in paths {
            for object in facts(path)?.objects ?? [] {
                if let namespace = effectiveNamespace(of: object, in: path) {
                    names.insert(namespace)
                } else {
                    unplaced = true
                }
            }
        }
        return (names, unplaced)
    }

    /// Files holding objects of `role` in `namespaces` or in none; in every namespace when `allNamespaces`.
    func paths(withRole role: BlobFacts.Role, in namespaces: Set<String>, allNamespaces: Bool) -> Set<String> {
        let byNamespace = storage.paths[role] ?? [:]
        var result: Set<String> = byNamespace[""] ?? []
        if allNamespaces {
            for paths in byNamespace.values { result.formUnion(paths) }
        } else {
            for namespace in namespaces { result.formUnion(byNamespace[namespace] ?? []) }
        }
        // Changed files: drop the gone ones, judge the new ones by their own facts.
        for (path, changed) in overlay {
            result.remove(path)
            guard let facts = changed?.facts else { continue }
            let matches = facts.objects.contains { object in
                guard object.role == role else { return false }
                guard !allNamespaces, let namespace = effectiveNamespace(of: object, in: path) else { return true }
                return namespaces.contains(namespace)
            }
            if matches { result.insert(path) }
        }
        return result
    }

    /// Where the workloads of `namespaces` (all when nil) are, for the files the review does not read.
    func treeFacts(namespaces: Set<String>?) -> TreeFacts {
        var workloads: [(namespace: String, key: Workspace.WorkloadKey)] = []
        let candidates =
            namespaces.map { names in
                names.reduce(into: Set<String>()) { $0.formUnion(storage.paths[.dependent]?[$1] ?? []) }
            } ?? Set(storage.facts.keys)
        for path in candidates.union(overlay.keys) {
            guard let blobFacts = facts(path) else { continue }
            for object in blobFacts.objects
            where object.role == .dependent && !BlobFacts.bindingKinds.contains(object.kind) {
                if let namespace = effectiveNamespace(of: object, in: path), namespaces?.contains(namespace) ?? true {
                    workloads.append((namespace, Workspace.WorkloadKey(file: path, position: object.anchor)))
                }
            }
        }
        var kustomizations = storage.kustomizationNamespaces
        for (path, changed) in overlay {
            kustomizations[Workspace.folder(of: path)] =
                changed?.facts.kustomizationNamespace ?? kustomizations[Workspace.folder(of: path)]
        }
        var treeFacts = TreeFacts(workloads: workloads, kustomizationNamespaces: kustomizations)
        treeFacts.kyvernoPolicyPaths = paths(withRole: .context, in: namespaces ?? [], allNamespaces: namespaces == nil)
            .filter { path in
                facts(path)?.objects.contains {
                    KyvernoPolicies.kinds.contains($0.kind) || $0.kind == KyvernoPolicies.exceptionKind
                } ?? false
            }
        return treeFacts
    }

    /// Which kustomization folders include which, from the facts of the kustomization files.
    var kustomizationGraph: KustomizationGraph {
        let files = paths.filter(KustomizationIndex.isKustomizationFile)
        return KustomizationGraph(
            kustomizations: Dictionary(uniqueKeysWithValues: files.map { ($0, facts($0)?.kustomizationLinks) }))
    }

    func source(_ repository: some RevisionReader) -> PolicyEngine.FileSource {
        let index = self
        return { path in
            guard let blob = index.file(path)?.blob else { return [] }
            return try repository.contents(ofBlob: blob)
        }
    }

    private static func facts(of file: TreeFile, cache: FactsCache, repository: some RevisionReader) throws -> BlobFacts
    {
        if let known = cache.facts(for: file.blob) { return known }
        // A blob too large to read holds no facts; the engine reports the file as unreadable.
        let bytes = try repository.contentsUnlessTooLarge(ofBlob: file.blob) ?? []
        let facts = BlobFacts(
            ManifestReader.read(path: file.path, bytes: bytes, options: PolicyEngine.parseOptions), bytes: bytes)
        cache.remember(facts, for: file.blob)
        return facts
    }
}
