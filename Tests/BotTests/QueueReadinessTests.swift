import Bot
import Foundation
import Testing

/// Readiness asks the queue for a write, not a read: a store that answers but refuses writes is
/// not ready.
@Suite("Queue readiness")
struct QueueReadinessTests {
    @Test(arguments: [Backend.sqlite, .postgres])
    func aQueueThatRefusesWritesFailsItsPing(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            try await queue.ping()
            try await queue.ping()

            try await store.refuseWrites()

            await #expect(throws: QueueError.self) { try await queue.ping() }
            _ = try await queue.depth()
        }
    }
}
