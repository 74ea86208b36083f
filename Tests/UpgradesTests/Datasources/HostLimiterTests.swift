import Foundation
import Testing

@testable import Upgrades

/// At most `limit` requests at a time to one host; other hosts are not held up by it.
@Suite struct HostLimiterTests {
    /// Counts the work running per host; the work waits until the test releases it, so the
    /// peak is reached whatever the machine's speed, and the limit is what holds it there.
    actor Gauge {
        private(set) var running: [String: Int] = [:]
        private(set) var highest: [String: Int] = [:]
        private(set) var highestTotal = 0
        private var released = false
        private var held: [CheckedContinuation<Void, Never>] = []

        func enter(_ host: String) {
            running[host, default: 0] += 1
            highest[host] = max(highest[host] ?? 0, running[host]!)
            highestTotal = max(highestTotal, running.values.reduce(0, +))
        }

        func hold() async {
            guard !released else { return }
            await withCheckedContinuation { held.append($0) }
        }

        func release() {
            released = true
            for waiting in held { waiting.resume() }
            held.removeAll()
        }

        func leave(_ host: String) { running[host, default: 0] -= 1 }
    }

    @Test func boundsConcurrentWorkPerHost() async throws {
        let limiter = HostLimiter(limit: 3)
        let gauge = Gauge()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                let host = index % 4 == 0 ? "quay.io" : "ghcr.io"
                group.addTask {
                    try await limiter.run(on: host) {
                        await gauge.enter(host)
                        await gauge.hold()
                        await gauge.leave(host)
                    }
                }
            }
            // Every host full: 3 running on each while 34 wait.
            let deadline = ContinuousClock.now + .seconds(60)
            while await gauge.running != ["ghcr.io": 3, "quay.io": 3], ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            await gauge.release()
            try await group.waitForAll()
        }
        let highest = await gauge.highest
        #expect(highest["ghcr.io"] == 3, "30 requests to one host, never more than 3 at once")
        #expect(highest["quay.io"] == 3)
        #expect(await gauge.highestTotal == 6, "each host has its own 3")
    }
}
