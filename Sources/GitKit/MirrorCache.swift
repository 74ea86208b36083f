import Blocking
import Foundation

/// One bare mirror per remote, in a cache folder, keyed by the remote's URL (credentials
/// removed). The first use clones, later uses fetch only what is new. Jobs on the same mirror
/// take turns (an in-process lock plus a `flock` on a lock file, so several processes sharing
/// the folder do not corrupt it either); jobs on different mirrors run at the same time.
package actor MirrorCache {
    package nonisolated let directory: String
    /// Hosts (`name` or `name:port`) whose remotes the service's configuration allows to be
    /// reached with a token over plain http; see `GitCredentials.plainHTTPHosts`.
    package nonisolated let plainHTTPHosts: Set<String>
    private var held: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    package init(directory: String, plainHTTPHosts: Set<String> = []) {
        self.directory = directory
        self.plainHTTPHosts = plainHTTPHosts
    }

    /// The folder of the mirror of `url`: readable, and stable across runs.
    package nonisolated func mirrorPath(for url: String) -> String {
        let redacted = redactedURL(url)
        let readable = redacted.split(separator: "/").suffix(2).joined(separator: "-")
            .filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }
        return "\(directory)/\(readable.prefix(60))-\(Self.hash(redacted)).git"
    }

    /// Brings the mirror of `url` up to date with `refspecs` (cloning it the first time), then
    /// runs `body` on it while holding the mirror's lock. libgit2's blocking work runs on a
    /// thread of its own.
    package func withMirror<Result: Sendable>(
        of url: String, credentials: GitCredentials? = nil, refspecs: [String] = Repository.branchAndTagRefspecs,
        fetch: Bool = true,
        _ body: @escaping @Sendable (Repository, FetchStatistics?) throws -> Result
    ) async throws -> Result {
        let path = mirrorPath(for: url)
        await acquire(path)
        defer { release(path) }
        let directory = self.directory
        return try await Self.runBlocking {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let lock = try FileLock(path: path + ".lock")
            defer { lock.unlock() }
            let repository: Repository
            if FileManager.default.fileExists(atPath: path + "/HEAD") {
                repository = try Repository.open(at: path)
            } else {
                repository = try Repository.createBare(at: path)
            }
            let statistics = fetch ? try repository.fetch(from: url, refspecs: refspecs, credentials: credentials) : nil
            return try body(repository, statistics)
        }
    }

    private func acquire(_ key: String) async {
        guard held.contains(key) else {
            held.insert(key)
            return
        }
        await withCheckedContinuation { continuation in
            waiting[key, default: []].append(continuation)
        }
    }

    private func release(_ key: String) {
        if var queue = waiting[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[key] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            held.remove(key)
        }
    }

    /// Runs blocking libgit2 work on one of GitKit's threads, so that a long fetch never holds a
    /// thread others wait for: Swift's shared pool adds none when its threads block, and
    /// Dispatch's global queues (where GRDB's queues run) add about one a second.
    package static func runBlocking<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws
        -> Result
    {
        try await threads.value(work)
    }

    /// As many as jobs could need at once with room to spare: a job's work may wait on other
    /// git work (a remote base fetched during a review), so the bound must not be tight.
    private static let threads = BlockingThreadPool(maximumThreads: 64, name: "shipshape-git")

    /// FNV-1a, 64 bits, in hex: a short, stable name for a URL.
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// An exclusive `flock` on a file, held until `unlock`.
struct FileLock {
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw GitError(
                kind: .notFound, operation: "lock the mirror \(path)", message: String(cString: strerror(errno)))
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw GitError(
                    kind: .notFound, operation: "lock the mirror \(path)", message: String(cString: strerror(errno)))
            }
        }
    }

    func unlock() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
