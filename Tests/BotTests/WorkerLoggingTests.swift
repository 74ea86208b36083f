import Bot
import Forge
import Foundation
import Logging
import Synchronization
import Testing

/// A failed job's error is in the log, not only in the database, with what identifies the job.
@Suite struct WorkerLoggingTests {
    /// Keeps every record a logger writes.
    final class LogRecords: Sendable {
        struct Record: Sendable {
            var level: Logger.Level
            var message: String
            var metadata: Logger.Metadata
        }

        private let records = Mutex<[Record]>([])
        var all: [Record] { records.withLock { $0 } }

        func logger() -> Logger {
            Logger(label: "test") { _ in Handler(records: self) }
        }

        struct Handler: LogHandler {
            let records: LogRecords
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
                records.records.withLock {
                    $0.append(Record(level: event.level, message: event.message.description, metadata: merged))
                }
            }
        }
    }

    @Test func aFailedJobIsLoggedWithItsErrorAndWhatItWasAbout() async throws {
        let (queue, folder) = try WorkerTests.queue(maximumAttempts: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let payload = JobPayload(
            forge: .gitlab, repository: try #require(RepositoryID("acme/shop")),
            work: .review(number: 12, headSHA: "abc"))
        guard
            case .stored(let id) = try await queue.enqueue(
                NewJob(
                    kind: .review, payload: payload.encoded(), pullRequestKey: payload.pullRequestKey,
                    headSHA: "abc", deliveryID: "delivery-7"))
        else {
            Issue.record("not stored")
            return
        }
        let records = LogRecords()
        let worker = Worker(
            queue: queue,
            handler: WorkerTests.ClosureHandler { _ in throw WorkerTests.Failure(description: "GitLab answered 502") },
            owner: "w1", logger: records.logger())

        #expect(
            await worker.runOne(try #require(try await queue.lease(owner: "w1", for: .seconds(30), kinds: nil)))
                == .retrying)
        #expect(
            await worker.runOne(try #require(try await queue.lease(owner: "w1", for: .seconds(30), kinds: nil)))
                == .dead)

        let failures = records.all.filter { $0.message.contains("GitLab answered 502") }
        #expect(failures.map(\.level) == [.warning, .error])
        let metadata = try #require(failures.last?.metadata)
        #expect(metadata["job"]?.description == "\(id)")
        #expect(metadata["kind"]?.description == "review")
        #expect(metadata["forge"]?.description == "gitlab")
        #expect(metadata["repository"]?.description == "acme/shop")
        #expect(metadata["pr"]?.description == "12")
        #expect(metadata["delivery"]?.description == "delivery-7")
        #expect(metadata["worker"]?.description == "w1")
        #expect(metadata["attempt"]?.description == "2")
    }
}
