import Synchronization

/// What the workers of a concurrency test are running: a pull request started while it already
/// runs is an overlap, which the queue must never allow.
final class RunningPullRequests: Sendable {
    private let state = Mutex<(running: Set<String>, overlaps: [String])>(([], []))

    func start(_ key: String) {
        state.withLock { state in
            if !state.running.insert(key).inserted { state.overlaps.append(key) }
        }
    }

    func finish(_ key: String) {
        _ = state.withLock { $0.running.remove(key) }
    }

    var overlaps: [String] { state.withLock { $0.overlaps } }
}
