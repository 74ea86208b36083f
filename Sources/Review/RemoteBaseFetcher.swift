import Foundation
import GitKit
import Kustomize
import Synchronization

/// Remote Git bases of kustomizations: fetched through GitKit's mirror cache between builds
/// (a build names the repositories it misses, they are fetched, the roots are built again),
/// bounded in nesting, time and size; offline (or when a fetch fails) the root is refused with a
/// note naming why. What `check`, `fix`, `kustomize build`, reviews and the bot's jobs share.
package struct RemoteBaseFetcher: Sendable {
    static let maxRounds = 4
    static let timeout: Duration = .seconds(120)
    static let maxFiles = 20_000
    static let maxFileBytes = 4 << 20
    static let maxBytes = 128 << 20

    /// At most this many repositories and charts are fetched in one run (a check, a scan, both
    /// revisions of a review): a repository's kustomizations name a handful, and one naming a
    /// thousand would otherwise hold the run for hours, one fetch after another. 20 leaves room for
    /// every real tree we know of; the roots needing more are refused with a note.
    package var maxFetches = 20
    /// No fetch starts after the run's fetching took this long in all, and none waits longer than
    /// what is left (nor than `timeout`): 20 fetches of 120 seconds each would be 40 minutes.
    package var fetchingBudget: Duration = .seconds(300)

    package let mirrors: MirrorCache
    package let offline: Bool
    /// Credentials for remotes at one origin only (scheme, host and port, as the bot's forge
    /// serves its repositories): a remote base anywhere else is fetched without them.
    package var credentials: (origin: String, credentials: GitCredentials)?
    /// Pulls a chart of `helmCharts` into a folder on disk and returns its path (nil: no chart is pulled).
    package var pullChart: (@Sendable (ChartPull) async throws -> String)?

    package init(mirrors: MirrorCache, offline: Bool = false) {
        self.mirrors = mirrors
        self.offline = offline
    }

    /// The same fetcher, giving `credentials` to remotes at `url`'s origin and to no other.
    package func trusting(_ credentials: GitCredentials?, at url: String) -> RemoteBaseFetcher {
        var fetcher = self
        fetcher.credentials = credentials.flatMap { found in Self.origin(of: url).map { ($0, found) } }
        return fetcher
    }

    /// `scheme://host:port`, lowercased; nil for what is not a URL (`git@host:path`).
    static func origin(of url: String) -> String? {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            let host = parsed.host?.lowercased()
        else { return nil }
        return "\(scheme)://\(host)" + (parsed.port.map { ":\($0)" } ?? "")
    }

    /// The credentials a remote at `repository` is fetched with: those trusted at its origin, else none.
    func credentials(for repository: String) -> GitCredentials? {
        guard let credentials, let origin = Self.origin(of: repository), origin == credentials.origin else {
            return nil
        }
        return credentials.credentials
    }

    /// Builds with `make` until no root misses a repository or chart that can still be fetched;
    /// `make` gets whether folders built before may be reused (not after a fetch).
    package func building<Built>(into trees: RemoteTrees, _ make: (RemoteTrees, _ reuse: Bool) throws -> Built)
        async throws -> Built
    {
        var built = try make(trees, true)
        for _ in 0..<Self.maxRounds {
            guard await fetchWanted(into: trees) else { break }
            built = try make(trees, false)
        }
        return built
    }

    /// `building` for synchronous code on a thread of its own (a review), never the concurrency pool's.
    func buildingBlocking<Built>(into trees: RemoteTrees, _ make: (RemoteTrees, _ reuse: Bool) throws -> Built)
        rethrows -> Built
    {
        var built = try make(trees, true)
        for _ in 0..<Self.maxRounds {
            let fetcher = self
            guard AsyncWait.result({ await fetcher.fetchWanted(into: trees) }) else { break }
            built = try make(trees, false)
        }
        return built
    }

    /// Fetches what the last builds asked for; false when they asked for nothing new.
    private func fetchWanted(into trees: RemoteTrees) async -> Bool {
        let bases = trees.wanted
        let charts = trees.wantedCharts
        guard !bases.isEmpty || !charts.isEmpty else { return false }
        let clock = ContinuousClock()
        let started = clock.now
        let spentBefore = trees.fetchingTime
        defer { trees.addFetchingTime(clock.now - started) }
        func left() -> Duration { fetchingBudget - spentBefore - (clock.now - started) }
        /// Why the next fetch is not started; nil (and the fetch counted) while the run's bounds allow it.
        func overBound() -> String? {
            guard left() > .zero else { return "this run's fetching took its whole budget of \(fetchingBudget)" }
            guard trees.startFetch(bound: maxFetches) else {
                return "the tree names more remote bases and charts than the \(maxFetches) one run fetches"
            }
            return nil
        }
        for base in bases {
            if !offline, let reason = overBound() {
                trees.fail(base, reason: reason)
                continue
            }
            await fetch(base, into: trees, within: min(Self.timeout, left()))
        }
        for chart in charts {
            guard let pullChart, !offline else {
                trees.fail(chart, reason: offline ? "--offline: Shipshape pulls no chart" : "this run pulls no chart")
                continue
            }
            if let reason = overBound() {
                trees.fail(chart, reason: reason)
                continue
            }
            do { trees.store(chartFolder: try await pullChart(chart), for: chart) } catch {
                trees.fail(chart, reason: "\(error)")
            }
        }
        return true
    }

    func fetch(_ base: RemoteBase, into trees: RemoteTrees, within timeout: Duration) async {
        guard !offline else {
            trees.fail(base, reason: "--offline: Shipshape fetches no repository")
            return
        }
        let mirrors = self.mirrors
        let given = credentials(for: base.repository)
        do {
            // libgit2's blocking fetch cannot be interrupted: past the timeout it is left to
            // finish on its own thread and the root is refused.
            let files = try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<[String: [UInt8]], any Error>) in
                let answered = Mutex(false)
                let answer = { @Sendable (result: Result<[String: [UInt8]], any Error>) in
                    if answered.withLock({ done in
                        defer { done = true }
                        return !done
                    }) {
                        continuation.resume(with: result)
                    }
                }
                Task {
                    do {
                        answer(
                            .success(
                                try await mirrors.withMirror(of: base.repository, credentials: given) { repository, _ in
                                    try Self.read(repository, ref: base.ref)
                                }))
                    } catch {
                        answer(.failure(error))
                    }
                }
                Task {
                    try? await Task.sleep(for: timeout)
                    answer(.failure(FetchFailure("no answer within \(timeout)")))
                }
            }
            trees.store(files, for: base)
        } catch {
            trees.fail(base, reason: "\(error)")
        }
    }

    /// The regular files of the commit `ref` names (the default branch without one), bounded.
    private static func read(_ repository: Repository, ref: String?) throws -> [String: [UInt8]] {
        let candidates = ref.map { [$0, "refs/tags/\($0)", "origin/\($0)"] } ?? ["HEAD", "main", "master"]
        guard let commit = candidates.lazy.compactMap({ try? repository.commit($0) }).first else {
            throw FetchFailure("the repository has no \(ref.map { "ref \($0)" } ?? "default branch")")
        }
        var files: [String: [UInt8]] = [:]
        var total = 0
        for file in try repository.files(at: commit) where file.isRegularFile {
            guard files.count < maxFiles else { throw FetchFailure("the repository holds more than \(maxFiles) files") }
            let bytes = try repository.contents(ofBlob: file.blob)
            guard bytes.count <= maxFileBytes else { continue }
            total += bytes.count
            guard total <= maxBytes else { throw FetchFailure("the repository is larger than \(maxBytes >> 20) MiB") }
            files[file.path] = bytes
        }
        return files
    }

    struct FetchFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
