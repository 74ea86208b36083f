import Foundation

/// An unpacked root filesystem on disk (`docker export`, a build context) read as `RootFiles`:
/// the package databases, links, and executable ELF files checked for Go build information.
/// Files larger than `maximumFileBytes` are listed but not read.
package enum DirectoryRoot {
    package static func read(_ folder: URL, maximumFileBytes: Int = 512 << 20, maximumFiles: Int = 1_000_000) throws
        -> RootFiles
    {
        let manager = FileManager.default
        guard
            let walker = manager.enumerator(
                at: folder,
                includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey, .isExecutableKey],
                options: [], errorHandler: { _, _ in true })
        else {
            throw PackageDatabaseError("cannot list the folder", file: folder.path)
        }
        var root = RootFiles()
        let base = folder.standardizedFileURL.path
        var count = 0
        for case let url as URL in walker {
            count += 1
            guard count <= maximumFiles else {
                throw PackageDatabaseError("holds more than \(maximumFiles) files; refused", file: folder.path)
            }
            let path = RootFiles.normalized(String(url.standardizedFileURL.path.dropFirst(base.count)))
            let values = try url.resourceValues(forKeys: [
                .isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey, .isExecutableKey,
            ])
            if values.isSymbolicLink == true {
                root.files[path] = .symbolicLink(try manager.destinationOfSymbolicLink(atPath: url.path))
            } else if values.isRegularFile == true {
                let size = values.fileSize ?? 0
                let wanted = RootFiles.keepsBytes(path) || (values.isExecutable == true && isELF(url))
                if wanted, size <= maximumFileBytes {
                    root.files[path] = LayerChanges.content(path: path, bytes: Array(try Data(contentsOf: url)))
                } else {
                    root.files[path] = .other
                }
            }
        }
        return root
    }

    private static func isELF(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data([0x7f, 0x45, 0x4c, 0x46])
    }
}
