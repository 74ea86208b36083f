import GitKit
import Kustomize

/// The files of one commit as a kustomize build reads them: regular files only (symlinks and
/// submodules are never followed), read from the object database.
struct RevisionFileSystem: BuildFileSystem {
    private let blobs: [String: ObjectID]
    private let folders: Set<String>
    private let repository: any RevisionReader

    init(files: [TreeFile], repository: any RevisionReader) {
        var blobs: [String: ObjectID] = [:]
        var folders: Set<String> = ["."]
        for file in files where file.isRegularFile {
            blobs[file.path] = file.blob
            var path = Substring(file.path)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard folders.insert(String(path)).inserted else { break }
            }
        }
        self.blobs = blobs
        self.folders = folders
        self.repository = repository
    }

    func read(_ path: String) throws -> [UInt8] {
        guard let blob = blobs[path] else {
            throw KustomizeError("cannot read \(path): no such file in the commit", at: nil)
        }
        return try repository.contents(ofBlob: blob)
    }

    func isDirectory(_ path: String) -> Bool { folders.contains(path) }
    func fileExists(_ path: String) -> Bool { blobs[path] != nil }
}
