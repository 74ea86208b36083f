import Foundation

/// Finds the manifest files under the paths a user named.
public enum ManifestWalker {
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Version-control folders, never walked. Other hidden folders are: GitOps repositories keep
    /// manifests in them (`.archive/`, `.flux/`).
    public static let skippedFolders: Set<String> = [".git", ".hg", ".svn"]

    /// Files named directly are taken whatever their extension; folders are walked for
    /// `.yaml`, `.yml` and `.json`, skipping version-control folders and not following symlinks.
    /// Results are sorted so every run reports in the same order.
    public static func files(under paths: [String]) throws(Failure) -> [String] {
        var found: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw Failure(path: path, reason: "no such file or folder")
            }
            guard isFolder.boolValue else {
                found.append(path)
                continue
            }
            found.append(contentsOf: try walk(folder: path))
        }
        return found
    }

    private static func walk(folder: String) throws(Failure) -> [String] {
        let root = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey]
        ) else {
            throw Failure(path: folder, reason: "cannot list the folder")
        }
        var files: [String] = []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator {
            if skippedFolders.contains(url.lastPathComponent) {
                enumerator.skipDescendants()
                continue
            }
            guard extensions.contains(url.pathExtension.lowercased()),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(rootPath + "/") ? String(full.dropFirst(rootPath.count + 1)) : url.lastPathComponent
            files.append(folder == "." ? relative : prefix + relative)
        }
        return files.sorted()
    }
}
