import Diffs
import GitKit
import Upgrades
import Vulnerabilities

extension ReviewEngine {
    /// The images the reviewed change pins that its merge base did not pin in the same file: what
    /// an image review scans. Only the changed manifest files are read, at both revisions.
    package func changedImages(in review: ReviewResult, repository: some RevisionReader) throws -> [ChangedImage] {
        let head = try repository.commit(review.head)
        let mergeBase = try repository.commit(review.mergeBase)
        var headFiles: [(path: String, bytes: [UInt8])] = []
        var baseFiles: [(path: String, bytes: [UInt8])] = []
        var renamed: [String: String] = [:]
        for change in review.changes where change.kind != .deleted && Self.isManifestPath(change.path) {
            guard let file = try repository.file(change.path, at: head), file.isRegularFile else { continue }
            // A file too large to read pins nothing the scan could know (the review reports it unreadable).
            guard let bytes = try repository.contentsUnlessTooLarge(ofBlob: file.blob) else { continue }
            headFiles.append((change.path, bytes))
            guard change.kind != .added else { continue }
            let oldPath = change.oldPath ?? change.path
            renamed[change.path] = oldPath
            if let old = try repository.file(oldPath, at: mergeBase), old.isRegularFile,
                let bytes = try repository.contentsUnlessTooLarge(ofBlob: old.blob)
            {
                baseFiles.append((oldPath, bytes))
            }
        }
        guard !headFiles.isEmpty else { return [] }
        return ChangedImage.find(
            head: DependencyScanner.scan(contents: headFiles), base: DependencyScanner.scan(contents: baseFiles),
            renamed: renamed)
    }
}

extension ReviewEngine {
    /// What every manifest of a revision pins (the images a scheduled scan reads), and the commit.
    package func pinned(at revision: String, in repository: some RevisionReader) throws -> (
        commit: String, detection: DetectionReport
    ) {
        let commit = try repository.commit(revision)
        let files = try manifestFiles(at: commit, in: repository).compactMap { file in
            try repository.contentsUnlessTooLarge(ofBlob: file.blob).map { (path: file.path, bytes: $0) }
        }
        return (commit.hex, DependencyScanner.scan(contents: files))
    }
}
