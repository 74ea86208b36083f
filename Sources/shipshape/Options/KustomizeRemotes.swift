import Foundation
import GitKit
import Kustomize
import Synchronization
import Upgrades

/// Remote Git bases of kustomizations: fetched through GitKit's mirror cache between builds
/// (a build names the repositories it misses, they are fetched, the roots are built again),
/// bounded in nesting, time and size; with `--offline` (or when a fetch fails) the root is
/// refused with a note naming why.
struct KustomizeRemotes {
    static let maxRounds = 4
    static let timeout: Duration = .seconds(120)
    static let maxFiles = 20_000
    static let maxFileBytes = 4 << 20
    static let maxBytes = 128 << 20

    let offline: Bool
    let trees = RemoteTrees()
    let mirrors = MirrorCache(
        directory: DiskCache.defaultFolder.deletingLastPathComponent().appending(path: "kustomize-git").path)

    /// Builds with `make` until no root misses a repository that can still be fetched;
    /// `make` gets whether folders built before may be reused (not after a fetch).
    func building<Built>(_ make: (RemoteTrees, _ reuse: Bool) throws -> Built) async throws -> Built {
        var built = try make(trees, true)
        for _ in 0..<Self.maxRounds {
            let wanted = trees.wanted
            guard !wanted.isEmpty else { break }
            for base in wanted { await fetch(base) }
            built = try make(trees, false)
        }
        return built
    }

    private func fetch(_ base: RemoteBase) async {
        guard !offline else {
            trees.fail(base, reason: "--offline: Shipshape fetches no repository")
            return
        }
        let mirrors = self.mirrors
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
                                try await mirrors.withMirror(of: base.repository) { repository, _ in
                                    try Self.read(repository, ref: base.ref)
                                }))
                    } catch {
                        answer(.failure(error))
                    }
                }
                Task {
                    try? await Task.sleep(for: Self.timeout)
                    answer(.failure(FetchFailure("no answer within \(Self.timeout)")))
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
