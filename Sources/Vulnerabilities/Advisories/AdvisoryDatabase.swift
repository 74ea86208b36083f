import Foundation
import GRDB

/// OSV advisories in SQLite (a file, or in memory for one run): the records as OSV wrote them,
/// indexed by affected package name, and for each export imported, where from and when, so every
/// report can say how old its advisory data is. GRDB's async calls keep SQLite off Swift's pool.
package final class AdvisoryDatabase: AdvisoryStore {
    let database: DatabaseQueue

    /// `path`: nil for an in-memory database.
    package init(path: String?) throws {
        database = try path.map { try DatabaseQueue(path: $0) } ?? DatabaseQueue()
        try Self.migrator.migrate(database)
    }

    /// `~/.cache/shipshape/advisories.sqlite`, where `scan-images` imports by default.
    package static var defaultPath: String {
        FileManager.default.homeDirectoryForCurrentUser.appending(path: ".cache/shipshape/advisories.sqlite").path
    }

    /// Replaces everything an earlier import of `export` (e.g. `Debian`) brought, in one
    /// transaction: a failed import leaves the previous data whole.
    package func replace(export: String, with records: [OSVRecord], source: String, at date: Date) async throws {
        let encoder = JSONEncoder()
        let rows = try records.map { ($0, try encoder.encode($0)) }
        try await database.write { db in
            try db.execute(sql: "DELETE FROM advisory WHERE export = ?", arguments: [export])
            for (record, json) in rows {
                try db.execute(sql: "DELETE FROM advisory WHERE id = ?", arguments: [record.id])
                try db.execute(
                    sql: "INSERT INTO advisory (id, export, record) VALUES (?, ?, ?)",
                    arguments: [record.id, export, json])
                let packages = Set((record.affected ?? []).compactMap(\.package))
                for package in packages {
                    try db.execute(
                        sql: "INSERT INTO affected_package (advisory_id, ecosystem, name) VALUES (?, ?, ?)",
                        arguments: [record.id, package.ecosystem, package.name])
                }
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO import (export, source, imported_at, records) VALUES (?, ?, ?, ?)",
                arguments: [export, source, date.timeIntervalSince1970, records.count])
        }
    }

    package func imports() async throws -> [AdvisoryImport] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT export, source, imported_at, records FROM import ORDER BY export").map {
                row in
                AdvisoryImport(
                    export: row["export"], source: row["source"],
                    importedAt: Date(timeIntervalSince1970: row["imported_at"]), records: row["records"])
            }
        }
    }

    package func records(affecting names: Set<String>) async throws -> [OSVRecord] {
        let decoder = JSONDecoder()
        let blobs: [Data] = try await database.read { db in
            var blobs: [Data] = []
            // SQLite's bound-parameter limit: ask in chunks.
            let sortedNames = names.sorted()
            for start in stride(from: 0, to: sortedNames.count, by: 500) {
                let chunk = Array(sortedNames[start..<min(start + 500, sortedNames.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                blobs += try Data.fetchAll(
                    db,
                    sql: """
                        SELECT record FROM advisory WHERE id IN (SELECT DISTINCT advisory_id FROM affected_package WHERE name IN (\(marks)))
                        ORDER BY id
                        """, arguments: StatementArguments(chunk))
            }
            return blobs
        }
        var seen = Set<String>()
        return try blobs.map { try decoder.decode(OSVRecord.self, from: $0) }.filter { seen.insert($0.id).inserted }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("create advisories") { db in
            try db.execute(
                sql: """
                    CREATE TABLE advisory (id TEXT PRIMARY KEY, export TEXT NOT NULL, record BLOB NOT NULL);
                    CREATE INDEX advisory_by_export ON advisory (export);
                    CREATE TABLE affected_package (
                        advisory_id TEXT NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
                        ecosystem TEXT NOT NULL,
                        name TEXT NOT NULL
                    );
                    CREATE INDEX affected_package_by_name ON affected_package (name);
                    CREATE TABLE import (export TEXT PRIMARY KEY, source TEXT NOT NULL, imported_at REAL NOT NULL, records INTEGER NOT NULL);
                    """)
        }
        migrator.registerMigration("create image scans") { db in
            for statement in ImageScanStore.statements(
                idColumn: "INTEGER PRIMARY KEY", scanID: "INTEGER", seconds: "REAL", json: "BLOB")
            {
                try db.execute(sql: statement)
            }
        }
        return migrator
    }
}
