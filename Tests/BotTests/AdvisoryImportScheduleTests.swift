import Bot
import Foundation
import HTTPKit
import ShipshapeTesting
import Testing
import Vulnerabilities

/// The bot's scheduled import of OSV exports from configured URLs, served on loopback: due
/// firings import every source, a source that fails keeps its records and does not stop the others.
@Suite struct AdvisoryImportScheduleTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var current: Date
        init(_ start: Date) { current = start }
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    }

    @Test func dueFiringsImportEverySourceAndAFailingOneDoesNotStopTheOthers() async throws {
        let archive = try OSVExportArchive.zip(VulnerableImages.advisories)
        let server = try LoopbackHTTPServer { request in
            guard request.path == "/Alpine/all.zip" else { return .respond(ServedResponse(status: 404)) }
            return .respond(ServedResponse(status: 200, body: archive))
        }
        defer { server.shutdown() }
        let start = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
        let clock = Clock(start)
        let database = try AdvisoryDatabase(path: nil)
        let alpine = server.baseURL.appending(path: "Alpine/all.zip").absoluteString
        let missing = server.baseURL.appending(path: "Debian/all.zip").absoluteString
        let schedule = AdvisoryImportSchedule(
            sources: [missing, alpine], cron: try CronExpression("0 */6 * * *"), database: database,
            importer: OSVExportImporter(http: CurlHTTPClient()), now: { clock.now })

        clock.advance(3_600)  // 09:00: the next firing is 12:00
        #expect(await schedule.importIfDue(since: start) == false)
        #expect(try await database.imports().isEmpty)

        clock.advance(4 * 3_600)  // 13:00
        #expect(await schedule.importIfDue(since: start.addingTimeInterval(3_600)))
        let imports = try await database.imports()
        #expect(imports.map(\.export) == ["Alpine"])
        #expect(imports.first?.source == alpine && imports.first?.importedAt == clock.now)
        #expect(imports.first?.records == VulnerableImages.advisories.count)

        let results = await schedule.importAll()
        #expect(results.count == 2)
        if case .success = results[0] { Issue.record("the missing export should fail") }
        if case .failure(let error) = results[1] { Issue.record("\(error)") }
    }
}
