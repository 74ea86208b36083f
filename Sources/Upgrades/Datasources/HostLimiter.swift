/// At most `limit` requests at a time to one host: registries rate-limit bursts, and a tree with
/// two hundred images on one registry must not open two hundred connections.
actor HostLimiter {
    private let limit: Int
    private var running: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    func run<Value: Sendable>(on host: String, _ work: @Sendable () async throws -> Value) async throws -> Value {
        await acquire(host)
        defer { release(host) }
        return try await work()
    }

    private func acquire(_ host: String) async {
        if running[host, default: 0] < limit {
            running[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    /// Hands the slot straight to the next waiter, so the count never drops and rises again.
    private func release(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        } else {
            running[host, default: 1] -= 1
        }
    }
}
