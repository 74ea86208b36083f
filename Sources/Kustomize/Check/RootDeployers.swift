import Manifests
import Policy

/// Finds the folders that Flux `Kustomization`s and Argo CD `Application`s of the tree deploy.
/// Their paths are written from the repository's root, which may sit above the checked files:
/// the nearest folder whose path ends with the written one (`SourceFolders`); a path that
/// names no folder of the tree is another repository's and left alone.
package struct RootDeployers: Sendable {
    /// Every checked file, cleaned.
    let files: [String]
    /// `files` as a set, to ask whether one is checked.
    let fileSet: Set<String>
    /// Every folder holding a checked file, and the folders above them.
    let folders: Set<String>
    /// `folders` indexed for the paths deployers write.
    let sourceFolders: SourceFolders
    /// The folders holding a kustomization file.
    let kustomizationFolders: Set<String>

    package init(files: [String]) {
        self.files = files.map(BuildPath.clean)
        fileSet = Set(self.files)
        var folders: Set<String> = []
        for file in self.files {
            var folder = BuildPath.folder(of: file)
            while folders.insert(folder).inserted, folder != ".", folder != "/", folder.contains("/") {
                folder = BuildPath.folder(of: folder)
            }
        }
        self.folders = folders
        sourceFolders = SourceFolders(folders)
        kustomizationFolders = Set(self.files.filter(KustomizationIndex.isKustomizationFile).map(BuildPath.folder(of:)))
    }

    /// Whether a file may hold a Flux Kustomization or an Argo CD Application (read only then):
    /// it names the group and the kind (Argo Workflows, Rollouts and AppProjects share the
    /// group; over half the bytes of the corpus' files naming a group name neither kind). As for
    /// the group, a kind written with escapes in a double-quoted string is not seen.
    package static func mayHold(_ bytes: [UInt8]) -> Bool {
        (ByteSearch.contains(bytes, "kustomize.toolkit.fluxcd.io") && ByteSearch.contains(bytes, "Kustomization"))
            || (ByteSearch.contains(bytes, "argoproj.io") && ByteSearch.contains(bytes, "Application"))
    }

    /// The deployers among the objects of one file.
    package func deployers(in file: ManifestFile, bytes: [UInt8]) -> [RootDeployer] {
        file.objects.flatMap { object -> [RootDeployer] in
            if object.kind == "Kustomization", object.group == "kustomize.toolkit.fluxcd.io" {
                return flux(object, text: bytes).map { [$0] } ?? []
            }
            if object.kind == "Application", object.group == "argoproj.io" { return argo(object) }
            return []
        }
    }

    /// The deployers of every file `read` gives that may hold one. A third of a GitOps tree's
    /// files may (Argo CD's own CustomResourceDefinitions among them, the largest files there
    /// are): their schemas are not built, as for the checks.
    package func deployers(read: (String) throws -> [UInt8]) -> [RootDeployer] {
        files.flatMap { path -> [RootDeployer] in
            guard let bytes = try? read(path), Self.mayHold(bytes) else { return [] }
            return deployers(
                in: ManifestReader.read(path: path, bytes: bytes, options: PolicyEngine.parseOptions), bytes: bytes)
        }
    }

    func folder(named written: YAMLNode, from file: String) -> String? {
        written.string.flatMap { sourceFolders.folder(forSourcePath: $0, near: file) }
    }

    static func name(_ object: KubernetesObject) -> String {
        (object.namespace.map { "\($0)/" } ?? "") + object.name
    }

    /// `fields` of `spec` copied with their lines, renamed (`targetNamespace` becomes `namespace`).
    static func copies(_ fields: [(from: String, to: String)], of spec: YAMLNode, file: String) -> [Entry] {
        fields.compactMap { field in
            guard let value = spec[field.from], value.string != nil, let node = try? Node.copy(value, file: file) else {
                return nil
            }
            return Entry(key: field.to, node: node)
        }
    }

    /// A note refusing the root for each of `fields` that `spec` sets.
    static func unbuilt(_ fields: [String], of spec: YAMLNode, tool: String, owner: String, file: String)
        -> [KustomizeNote]
    {
        fields.compactMap { field in
            guard let value = spec[field],
                !(value.string == nil && value.entries?.isEmpty != false && value.items?.isEmpty != false)
            else { return nil }
            return KustomizeNote(
                feature: "\(tool) \(field)",
                message: "\(owner)'s \(field) is not applied by Shipshape yet",
                location: SourceLocation(file: file, position: value.start))
        }
    }

    /// The manifests of `folder` as Flux lists them when it has no kustomization: every `.yaml`
    /// and `.yml` file at any depth, except that a subfolder holding a kustomization is listed
    /// itself (and not descended into); in the order of a walk of names sorted.
    func fluxResources(in folder: String) -> [String] {
        var listed: Set<String> = []
        for file in files where file != folder && BuildPath.isWithin(file, folder) {
            let parts = relative(file, to: folder).split(separator: "/").map(String.init)
            var subfolder = folder
            var entry: String?
            for (depth, part) in parts.dropLast().enumerated() {
                subfolder = BuildPath.join(subfolder, part)
                if kustomizationFolders.contains(subfolder) {
                    entry = parts[...depth].joined(separator: "/")
                    break
                }
            }
            if let entry {
                listed.insert(entry)
            } else if [".yaml", ".yml"].contains(where: file.hasSuffix) {
                listed.insert(parts.joined(separator: "/"))
            }
        }
        return Self.inWalkOrder(listed)
    }

    /// The manifests of a directory source as Argo CD reads them: `.yaml`, `.yml` and `.json`
    /// files of the folder, and of its subfolders when `recurse`.
    func directoryResources(in folder: String, recurse: Bool) -> [String] {
        let listed = files.filter { file in
            guard file != folder, BuildPath.isWithin(file, folder),
                [".yaml", ".yml", ".json"].contains(where: file.hasSuffix)
            else { return false }
            return recurse || BuildPath.folder(of: file) == folder
        }
        return Self.inWalkOrder(Set(listed.map { relative($0, to: folder) }))
    }

    private func relative(_ file: String, to folder: String) -> String {
        folder == "." ? file : String(file.dropFirst(folder.count + 1))
    }

    /// Paths in the order a walk visits them, names sorted in each folder.
    static func inWalkOrder(_ paths: Set<String>) -> [String] {
        paths.map { $0.split(separator: "/") }.sorted { $0.lexicographicallyPrecedes($1) }.map {
            $0.joined(separator: "/")
        }
    }
}
