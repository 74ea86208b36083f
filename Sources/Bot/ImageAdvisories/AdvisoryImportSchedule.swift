import Foundation
import Logging
import Vulnerabilities

/// Imports the configured OSV exports (files or URLs) into the service's advisory store on a
/// cron schedule, in UTC, and once at start when the store holds no import yet. A source that
/// cannot be read is logged and keeps its earlier records; the others are imported all the same.
package struct AdvisoryImportSchedule: Sendable {
    package let sources: [String]
    package let cron: CronExpression
    package let database: any AdvisoryStore
    package let importer: OSVExportImporter
    /// `database` as the logs name it (`VulnerabilitySetup.storeName`).
    package let storeName: String
    private let now: @Sendable () -> Date
    let logger: Logger

    package init(
        sources: [String], cron: CronExpression, database: any AdvisoryStore, importer: OSVExportImporter,
        storeName: String = "the advisory store", now: @escaping @Sendable () -> Date = Date.init,
        logger: Logger = Logger(label: "shipshape.advisories")
    ) {
        self.sources = sources
        self.cron = cron
        self.database = database
        self.importer = importer
        self.storeName = storeName
        self.now = now
        self.logger = logger
    }

    /// Imports every source; returns what each did, in the order configured.
    @discardableResult
    package func importAll() async -> [Result<OSVExportImporter.Summary, any Error>] {
        var results: [Result<OSVExportImporter.Summary, any Error>] = []
        for source in sources {
            do {
                let summary = try await importer.importExport(from: source, into: database, now: now())
                logger.info(
                    "imported advisories",
                    metadata: [
                        "source": "\(source)", "export": "\(summary.export)", "records": "\(summary.imported)",
                        "problems": "\(summary.problems.count)",
                    ])
                results.append(.success(summary))
            } catch {
                logger.error(
                    "cannot import advisories; the earlier records stay",
                    metadata: ["source": "\(source)", "error": "\(error)"])
                results.append(.failure(error))
            }
        }
        return results
    }

    /// Imports when a firing of the schedule falls after `last` and not after now (a missed firing
    /// once, not once per firing missed), unless the store was imported after that firing (by
    /// another replica sharing it); returns whether it did. A store that cannot say when it was
    /// imported is logged, and the firing is judged from `last` alone.
    package func importIfDue(since last: Date) async -> Bool {
        let newest = await imports()?.map(\.importedAt).max()
        guard let next = cron.next(after: max(last, newest ?? last), in: Self.utc), next <= now() else { return false }
        await importAll()
        return true
    }

    /// Imports at start when nothing was imported yet, then checks every `interval` until cancelled.
    package func run(interval: Duration = .seconds(30)) async {
        if await imports()?.isEmpty ?? true { await importAll() }
        var last = now()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let checked = now()
            _ = await importIfDue(since: last)
            last = checked
        }
    }

    /// The store's imports; nil, and the error logged, when the store cannot be read.
    private func imports() async -> [AdvisoryImport]? {
        do {
            return try await database.imports()
        } catch {
            logger.error(
                "cannot read which advisory exports were imported",
                metadata: ["store": "\(storeName)", "error": "\(error)"])
            return nil
        }
    }

    static let utc = TimeZone(identifier: "UTC") ?? .current
}
