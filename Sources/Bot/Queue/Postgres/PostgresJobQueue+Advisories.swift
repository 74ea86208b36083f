import Foundation
import PostgresNIO
import Vulnerabilities

/// OSV advisories in the queue's PostgreSQL database, which every replica reads: the same tables
/// and promises as the SQLite `AdvisoryDatabase` (records as OSV wrote them, indexed by affected
/// package name; each export's import date). An import replaces its export in one transaction
/// under an advisory lock of its own, so replicas importing at once take turns: each import
/// replaces the whole export, never adds to another's half.
extension PostgresJobQueue: AdvisoryStore {
    static let advisoryImportLock = SchemaAdvisoryLock(key: 0x5348_5041)  // "SHPA"

    static let advisorySchema = [
        "CREATE TABLE IF NOT EXISTS advisory (id TEXT PRIMARY KEY, export TEXT NOT NULL, record TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS advisory_by_export ON advisory (export)",
        """
        CREATE TABLE IF NOT EXISTS affected_package (
            advisory_id TEXT NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
            ecosystem TEXT NOT NULL,
            name TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS affected_package_by_name ON affected_package (name)",
        "CREATE INDEX IF NOT EXISTS affected_package_by_advisory ON affected_package (advisory_id)",
        """
        CREATE TABLE IF NOT EXISTS advisory_import (
            export TEXT PRIMARY KEY, source TEXT NOT NULL, imported_at DOUBLE PRECISION NOT NULL,
            records INTEGER NOT NULL
        )
        """,
    ]

    package func replace(export: String, with records: [OSVRecord], source: String, at date: Date) async throws {
        // One row per id, the last record of an id winning, as the SQLite store's row-by-row replace does.
        var byID: [String: OSVRecord] = [:]
        for record in records { byID[record.id] = record }
        let kept = byID.values.sorted { $0.id < $1.id }
        let encoder = JSONEncoder()
        let ids = kept.map(\.id)
        let texts = try kept.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        var packageIDs: [String] = []
        var ecosystems: [String] = []
        var names: [String] = []
        for record in kept {
            for package in Set((record.affected ?? []).compactMap(\.package)) {
                packageIDs.append(record.id)
                ecosystems.append(package.ecosystem)
                names.append(package.name)
            }
        }
        let (count, importedAt) = (Int64(records.count), date.timeIntervalSince1970)
        try await perform("import the advisories of \(export)") {
            try await self.client.withTransaction(logger: self.logger) { connection in
                try await connection.query(
                    PostgresQuery(unsafeSQL: Self.advisoryImportLock.sql("pg_advisory_xact_lock")), logger: self.logger)
                try await connection.query(
                    "DELETE FROM advisory WHERE export = \(export) OR id = ANY(\(ids)::text[])", logger: self.logger)
                try await connection.query(
                    """
                    INSERT INTO advisory (id, export, record)
                    SELECT id, \(export), record FROM UNNEST(\(ids)::text[], \(texts)::text[]) AS rows (id, record)
                    """, logger: self.logger)
                try await connection.query(
                    """
                    INSERT INTO affected_package (advisory_id, ecosystem, name)
                    SELECT * FROM UNNEST(\(packageIDs)::text[], \(ecosystems)::text[], \(names)::text[])
                    """, logger: self.logger)
                try await connection.query(
                    """
                    INSERT INTO advisory_import (export, source, imported_at, records)
                    VALUES (\(export), \(source), \(importedAt), \(count))
                    ON CONFLICT (export) DO UPDATE
                    SET source = EXCLUDED.source, imported_at = EXCLUDED.imported_at, records = EXCLUDED.records
                    """, logger: self.logger)
            }
        }
    }

    package func imports() async throws -> [AdvisoryImport] {
        try await perform("list the advisory imports") {
            try await self.client.query(
                "SELECT export, source, imported_at, records FROM advisory_import ORDER BY export", logger: self.logger
            ).collect().map { row in
                let (export, source, importedAt, records) = try row.decode((String, String, Double, Int).self)
                return AdvisoryImport(
                    export: export, source: source, importedAt: Date(timeIntervalSince1970: importedAt),
                    records: records)
            }
        }
    }

    package func records(affecting names: Set<String>) async throws -> [OSVRecord] {
        let list = names.sorted()
        let texts = try await perform("read the advisories of \(names.count) packages") {
            try await self.client.query(
                """
                SELECT record FROM advisory
                WHERE id IN (SELECT advisory_id FROM affected_package WHERE name = ANY(\(list)::text[]))
                ORDER BY id
                """, logger: self.logger
            ).collect().map { try $0.decode(String.self) }
        }
        let decoder = JSONDecoder()
        return try texts.map { try decoder.decode(OSVRecord.self, from: Data($0.utf8)) }
    }
}
