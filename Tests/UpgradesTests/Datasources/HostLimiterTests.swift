import Foundation
import Testing
@testable import Upgrades

/// At most `limit` requests at a time to one host; other hosts are not held up by it.
@Suite struct HostLimiterTests {
    actor Gauge {
        private var running: [String: Int] = [:]
        private(set) var highest: [String: Int] = [:]
        private(set) var highestTotal = 0

        func enter(_ host: String) {
            running[host, default: 0] += 1
            highest[host] = max(highest[host] ?? 0, running[host]!)
            highestTotal = max(highestTotal, running.values.reduce(0, +))
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
                        try await Task.sleep(for: .milliseconds(50))
                        await gauge.leave(host)
                    }
                }
            }
            try await group.waitForAll()
        }
        let highest = await gauge.highest
        #expect(highest["ghcr.io"] == 3, "30 requests to one host, never more than 3 at once")
        #expect(highest["quay.io"] == 3)
        #expect(await gauge.highestTotal == 6, "each host has its own 3")
    }
}
