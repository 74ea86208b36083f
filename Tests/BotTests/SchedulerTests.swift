import Bot
import Forge
import Foundation
import Testing

@Suite struct SchedulerTests {
    static func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test func aDueScheduleFiresOnceForItsRepositoriesAndAFiringIsNeverStoredTwice() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-scheduler-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = TestClock(Self.date("2026-11-25T10:31:00Z"))
        let queue = try SQLiteJobQueue(
            path: folder.appending(path: "queue.sqlite").path, settings: QueueSettings(now: { clock.now }))
        let schedule = Schedule(
            name: "scans", kind: .scan, cron: try CronExpression("*/15 * * * *"),
            timeZone: TimeZone(identifier: "UTC")!,
            repositories: [(.github, RepositoryID("acme/shop")!), (.gitlab, RepositoryID("platform/infra/prod")!)])
        let scheduler = Scheduler(schedules: [schedule], queue: queue, now: { clock.now })

        // Down since 09:00: the missed firings come to one, at 10:30.
        let first = try await scheduler.fireDue(since: Self.date("2026-11-25T09:00:00Z"))
        #expect(first.count == 2)
        // A second replica (or a restart) firing the same minute stores nothing.
        #expect(try await scheduler.fireDue(since: Self.date("2026-11-25T10:20:00Z")).isEmpty)
        // Nothing due before 10:45.
        #expect(try await scheduler.fireDue(since: Self.date("2026-11-25T10:31:00Z")).isEmpty)
        clock.set(Self.date("2026-11-25T10:46:00Z"))
        #expect(try await scheduler.fireDue(since: Self.date("2026-11-25T10:31:00Z")).count == 2)

        let leased = try #require(try await queue.lease(owner: "w", for: .seconds(60), kinds: [.scan]))
        let payload = try JobPayload.decode(leased.record.payload, kind: .scan)
        #expect(
            payload.repository.fullName == "acme/shop" && payload.forge == .github
                && payload.work == .scan(headSHA: nil, ref: nil))
        #expect(leased.record.deliveryID == "schedule:scans:github:acme/shop:2026-11-25T10:30:00Z")
    }
}
