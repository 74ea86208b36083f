import Manifests

/// Repositories' paths are relative to their root, which may sit above the checked paths, and
/// files often leave namespaces to whoever applies them: among candidates, the one whose folder
/// shares the most leading folders with the file asking wins (the first, on a tie).
enum NearestPath {
    static func nearest<Item>(_ items: [Item], to file: String, folder: (Item) -> String) -> Item? {
        RepositoryPaths.nearest(items, to: file, folder: folder)
    }

    /// The folder of a file's path.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
