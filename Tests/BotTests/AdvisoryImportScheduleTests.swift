import Bot
import Foundation
import HTTPKit
import Logging
import ShipshapeTesting
import Testing
import Vulnerabilities

/// The bot's scheduled import of OSV exports from configured URLs, served on loopback: due
/// firings import every source, a source that fails keeps its records and does not stop the others.
@Suite struct AdvisoryImportScheduleTests {
    @Test func dueFiringsImportEverySourceAndAFailingOneDoesNotStopTheOthers() async throws {
        let archive = try OSVExportArchive.zip(VulnerableImages.advisories)
        let server = try LoopbackHTTPServer { request in
            guard request.path == "/Alpine/all.zip" else { return .respond(ServedResponse(status: 404)) }
            return .respond(ServedResponse(status: 200, body: archive))
        }
        defer { server.shutdown() }
        let start = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
        let database = try AdvisoryDatabase(path: nil)
        let alpine = server.baseURL.appending(path: "Alpine/all.zip").absoluteString
        let missing = server.baseURL.appending(path: "Debian/all.zip").absoluteString
        let cron = try CronExpression("0 */6 * * *")
        func schedule(at now: Date) -> AdvisoryImportSchedule {
            AdvisoryImportSchedule(
                sources: [missing, alpine], cron: cron, database: database,
                importer: OSVExportImporter(http: CurlHTTPClient()), now: { now })
        }

        // 09:00: the next firing is 12:00.
        #expect(await schedule(at: start.addingTimeInterval(3_600)).importIfDue(since: start) == false)
        #expect(try await database.imports().isEmpty)

        let thirteen = start.addingTimeInterval(5 * 3_600)
        #expect(await schedule(at: thirteen).importIfDue(since: start.addingTimeInterval(3_600)))
        let imports = try await database.imports()
        #expect(imports.map(\.export) == ["Alpine"])
        #expect(imports.first?.source == alpine && imports.first?.importedAt == thirteen)
        #expect(imports.first?.records == VulnerableImages.advisories.count)

        // 18:30 in a replica whose last look was 11:00: the 18:00 firing is due, unless another
        // replica sharing the store imported after it.
        let eleven = start.addingTimeInterval(3 * 3_600)
        let eighteen = start.addingTimeInterval(10 * 3_600)
        try await database.replace(
            export: "Alpine", with: [], source: alpine, at: eighteen.addingTimeInterval(60))
        #expect(await schedule(at: eighteen.addingTimeInterval(1_800)).importIfDue(since: eleven) == false)
        #expect(try await database.imports().first?.records == 0, "not imported again")
        #expect(await schedule(at: eighteen.addingTimeInterval(7 * 3_600)).importIfDue(since: eleven))

        let results = await schedule(at: thirteen).importAll()
        #expect(results.count == 2)
        if case .success = results[0] { Issue.record("the missing export should fail") }
        if case .failure(let error) = results[1] { Issue.record("\(error)") }
    }
}

/// A store that cannot be read is said in the log with the store's name, never passed over.
@Suite struct AdvisoryImportStoreFailureTests {
    struct Unreadable: AdvisoryStore {
        struct Failure: Error, CustomStringConvertible {
            var description: String { "database disk image is malformed" }
        }

        func replace(export: String, with records: [OSVRecord], source: String, at date: Date) async throws {
            throw Failure()
        }
        func imports() async throws -> [AdvisoryImport] { throw Failure() }
        func records(affecting names: Set<String>) async throws -> [OSVRecord] { throw Failure() }
    }

    @Test func aStoreThatCannotSayWhenItWasImportedIsLogged() async throws {
        let records = WorkerLoggingTests.LogRecords()
        let start = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
        let schedule = AdvisoryImportSchedule(
            sources: ["/nonexistent/all.zip"], cron: try CronExpression("0 */6 * * *"), database: Unreadable(),
            importer: OSVExportImporter(http: CurlHTTPClient()), now: { start.addingTimeInterval(3_600) },
            logger: records.logger())
        #expect(await schedule.importIfDue(since: start) == false, "09:00: the next firing is 12:00")
        let errors = records.all.filter { $0.level == .error }
        #expect(errors.count == 1, "\(records.all.map(\.message))")
        #expect(errors.first?.metadata["error"]?.description == "database disk image is malformed")
        #expect(errors.first?.metadata["store"] != nil, "the store is named")
    }
}
