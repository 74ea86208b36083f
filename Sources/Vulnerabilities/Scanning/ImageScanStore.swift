import Foundation
import GRDB

/// The latest scan of each repository's images, kept beside the advisories in tables a dashboard
/// can query: one `image_scan` row per image (where pinned, digest, distribution, or why it could not
/// be read) and one `image_vulnerability` row per vulnerable package, with the whole finding as JSON.
/// A repository's next scan replaces its rows in one transaction.
package struct StoredImageScan: Sendable, Equatable {
    package var repository: String
    package var revision: String
    package var scannedAt: Date
    package var result: ImageScanResult

    package init(repository: String, revision: String, scannedAt: Date, result: ImageScanResult) {
        self.repository = repository
        self.revision = revision
        self.scannedAt = scannedAt
        self.result = result
    }
}

/// Where the branch scans' image results are kept: `AdvisoryDatabase` (SQLite), or the bot's
/// PostgreSQL queue, which replicas and their dashboards share.
package protocol ImageScanArchive: Sendable {
    /// Replaces `repository`'s stored scan with `results`, all or nothing.
    func record(_ results: [ImageScanResult], repository: String, revision: String, at date: Date) async throws
    /// `repository`'s stored scan, in the order it was recorded.
    func scans(of repository: String) async throws -> [StoredImageScan]
}

/// The image scans' tables, the same for SQLite and PostgreSQL but for the types each names
/// differently: the id column, the scan's time (seconds) and the finding's JSON.
package enum ImageScanStore {
    package static func statements(idColumn: String, scanID: String, seconds: String, json: String) -> [String] {
        [
            """
            CREATE TABLE IF NOT EXISTS image_scan (
                id \(idColumn),
                repository TEXT NOT NULL,
                revision TEXT NOT NULL,
                image TEXT NOT NULL,
                locations TEXT NOT NULL,
                manifest_digest TEXT,
                platform TEXT,
                distribution TEXT,
                packages INTEGER NOT NULL,
                notes TEXT NOT NULL,
                error TEXT,
                scanned_at \(seconds) NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS image_scan_by_repository ON image_scan (repository)",
            """
            CREATE TABLE IF NOT EXISTS image_vulnerability (
                scan_id \(scanID) NOT NULL REFERENCES image_scan (id) ON DELETE CASCADE,
                advisory TEXT NOT NULL,
                severity TEXT NOT NULL,
                package TEXT NOT NULL,
                installed_version TEXT NOT NULL,
                fixed_version TEXT,
                ecosystem TEXT NOT NULL,
                detail \(json) NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS image_vulnerability_by_scan ON image_vulnerability (scan_id)",
            "CREATE INDEX IF NOT EXISTS image_vulnerability_by_advisory ON image_vulnerability (advisory)",
        ]
    }
}

extension AdvisoryDatabase: ImageScanArchive {
    package func record(_ results: [ImageScanResult], repository: String, revision: String, at date: Date) async throws
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let rows = try results.map { result in
            (
                result, try String(decoding: encoder.encode(result.locations), as: UTF8.self),
                try String(decoding: encoder.encode(result.notes), as: UTF8.self),
                try result.vulnerabilities.map { ($0, try encoder.encode($0)) }
            )
        }
        try await database.write { db in
            try db.execute(sql: "DELETE FROM image_scan WHERE repository = ?", arguments: [repository])
            for (result, locations, notes, vulnerabilities) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO image_scan (repository, revision, image, locations, manifest_digest, platform,
                            distribution, packages, notes, error, scanned_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        repository, revision, result.image, locations, result.manifestDigest, result.platform,
                        result.distribution, result.packageCount, notes, result.error, date.timeIntervalSince1970,
                    ])
                let scan = db.lastInsertedRowID
                for (vulnerability, detail) in vulnerabilities {
                    try db.execute(
                        sql: """
                            INSERT INTO image_vulnerability (scan_id, advisory, severity, package, installed_version,
                                fixed_version, ecosystem, detail)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            scan, vulnerability.advisory, vulnerability.severity.rawValue, vulnerability.package.name,
                            vulnerability.installedVersion, vulnerability.fixedVersion, vulnerability.ecosystem, detail,
                        ])
                }
            }
        }
    }

    package func scans(of repository: String) async throws -> [StoredImageScan] {
        try await database.read { db in
            let decoder = JSONDecoder()
            return try Row.fetchAll(
                db, sql: "SELECT * FROM image_scan WHERE repository = ? ORDER BY id", arguments: [repository]
            ).map { row in
                let id: Int64 = row["id"]
                let details = try Data.fetchAll(
                    db, sql: "SELECT detail FROM image_vulnerability WHERE scan_id = ? ORDER BY rowid", arguments: [id])
                let result = ImageScanResult(
                    image: row["image"],
                    locations: try decoder.decode([String].self, from: Data((row["locations"] as String).utf8)),
                    manifestDigest: row["manifest_digest"], platform: row["platform"],
                    distribution: row["distribution"], packageCount: row["packages"],
                    vulnerabilities: try details.map { try decoder.decode(Vulnerability.self, from: $0) },
                    notes: try decoder.decode([String].self, from: Data((row["notes"] as String).utf8)),
                    error: row["error"])
                return StoredImageScan(
                    repository: row["repository"], revision: row["revision"],
                    scannedAt: Date(timeIntervalSince1970: row["scanned_at"]), result: result)
            }
        }
    }
}
