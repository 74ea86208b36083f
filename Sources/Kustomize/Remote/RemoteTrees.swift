import Synchronization

/// The files of the remote repositories a build may read, fetched by the caller (through
/// GitKit's mirror cache) before building again, and the charts it pulls (`ChartPull`): a
/// build asks, the caller fetches, the next build finds them. Kept for one run; parallel
/// builds share it, so everything it holds is behind one `Mutex`.
package final class RemoteTrees: Sendable {
    struct State {
        var charts: [ChartPull: String] = [:]
        var chartFailures: [ChartPull: String] = [:]
        var askedCharts: Set<ChartPull> = []
        var trees: [RemoteKey: [String: [UInt8]]] = [:]
        /// The folders of each tree: a build asks for every entry it lists whether it is one.
        var folders: [RemoteKey: Set<String>] = [:]
        var failures: [RemoteKey: String] = [:]
        var asked: [RemoteKey: RemoteBase] = [:]
        /// The tree read under each mount root (see `store`).
        var mounted: [String: RemoteKey] = [:]
        /// The repositories and charts this run started fetching, and how long its fetching took:
        /// what the fetcher bounds.
        var fetchesStarted = 0
        var fetchingTime: Duration = .zero
    }

    let state = Mutex(State())

    package init() {}

    /// The repositories builds asked for that are neither fetched nor failed.
    package var wanted: [RemoteBase] {
        state.withLock { state in
            state.asked.filter { state.trees[$0.key] == nil && state.failures[$0.key] == nil }.map(\.value)
        }
        .sorted { $0.description < $1.description }
    }

    /// The files of `base`'s repository at its ref, by path in the repository. Spellings of one
    /// repository (`https://host/org/repo`, `…/repo.git`, `git@host:org/repo`) share a mount root:
    /// under it the tree of the spelling that sorts first is read, whichever was fetched first.
    package func store(_ files: [String: [UInt8]], for base: RemoteBase) {
        let folders = Self.folders(of: files.keys)
        let key = RemoteKey(base)
        state.withLock { state in
            state.trees[key] = files
            state.folders[key] = folders
            if let held = state.mounted[key.root], !key.readsBefore(held) { return }
            state.mounted[key.root] = key
        }
    }

    /// Counts a fetch (or a chart's pull) this run starts; false, counting nothing, once `bound` have started.
    package func startFetch(bound: Int) -> Bool {
        state.withLock { state in
            guard state.fetchesStarted < bound else { return false }
            state.fetchesStarted += 1
            return true
        }
    }

    /// How long this run's fetching took so far.
    package var fetchingTime: Duration { state.withLock { $0.fetchingTime } }

    package func addFetchingTime(_ time: Duration) {
        state.withLock { $0.fetchingTime += time }
    }

    /// Why `base` could not be fetched (offline, a timeout, no such ref).
    package func fail(_ base: RemoteBase, reason: String) {
        state.withLock { $0.failures[RemoteKey(base)] = reason }
    }

    enum Lookup {
        case fetched
        case failed(String)
        case missing
    }

    func lookup(_ base: RemoteBase) -> Lookup {
        state.withLock { state in
            let key = RemoteKey(base)
            if state.trees[key] != nil { return .fetched }
            if let reason = state.failures[key] { return .failed(reason) }
            state.asked[key] = base
            return .missing
        }
    }

    /// The file at a build path under a mount root, nil when there is none.
    func file(_ path: String) -> [UInt8]? {
        guard let (key, inner) = split(path) else { return nil }
        return state.withLock { $0.trees[key]?[inner] }
    }

    func isDirectory(_ path: String) -> Bool {
        guard let (key, inner) = split(path) else { return false }
        return state.withLock { state in
            guard let folders = state.folders[key] else { return false }
            return inner.isEmpty || folders.contains(inner)
        }
    }

    /// Every folder above one of `paths`: a lookup per question instead of a walk over a
    /// repository's files (a hostile one may hold a hundred thousand, and its kustomizations
    /// list thousands of entries).
    static func folders(of paths: some Sequence<String>) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                // The folders above one already known are known too.
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        return folders
    }

    private func split(_ path: String) -> (RemoteKey, String)? {
        guard path.hasPrefix("⟨"), let end = path.firstIndex(of: "⟩") else { return nil }
        let root = String(path[...end])
        guard let key = state.withLock({ $0.mounted[root] }) else { return nil }
        let inner = path[path.index(after: end)...].drop { $0 == "/" }
        return (key, String(inner))
    }
}

struct RemoteKey: Hashable {
    var repository: String
    var ref: String?
    var root: String

    init(_ base: RemoteBase) {
        repository = base.repository
        ref = base.ref
        root = base.mountRoot
    }

    /// Whether this spelling is read under a mount root it shares with `other`: the smaller one is.
    func readsBefore(_ other: RemoteKey) -> Bool { (repository, ref ?? "") < (other.repository, other.ref ?? "") }
}

/// The build's files: the local ones, and under each mount root a fetched repository's.
struct MountedFileSystem: BuildFileSystem {
    let local: any BuildFileSystem
    let remotes: RemoteTrees

    func read(_ path: String) throws -> [UInt8] {
        guard path.hasPrefix("⟨") else { return try local.read(path) }
        guard let bytes = remotes.file(path) else {
            throw KustomizeError("\(path) is not in the fetched repository", at: nil)
        }
        return bytes
    }

    func isDirectory(_ path: String) -> Bool {
        path.hasPrefix("⟨") ? remotes.isDirectory(path) : local.isDirectory(path)
    }
    func fileExists(_ path: String) -> Bool { path.hasPrefix("⟨") ? remotes.file(path) != nil : local.fileExists(path) }
}
