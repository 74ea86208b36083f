import Kustomize
import Manifests

extension TreeIndex {
    /// The folders the revision's Flux Kustomizations and Argo CD Applications deploy; only files
    /// whose facts hold a `Kustomization` or an `Application` are read.
    func rootDeployers(files: some BuildFileSystem) -> [RootDeployer] {
        let all = paths
        let finder = RootDeployers(files: all)
        return all.filter { path in
            !KustomizationIndex.isKustomizationFile(path)
                && facts(path)?.objects.contains { $0.kind == "Kustomization" || $0.kind == "Application" } == true
        }.flatMap { path -> [RootDeployer] in
            guard let bytes = try? files.read(path), RootDeployers.mayHold(bytes) else { return [] }
            return finder.deployers(in: ManifestReader.read(path: path, bytes: bytes), bytes: bytes)
        }
    }
}
