import Foundation
import PostgresNIO
import Vulnerabilities

/// The branch scans' image results in the queue's PostgreSQL database, so every replica's
/// dashboard shows the latest scan whichever replica ran it: the columns of the SQLite store
/// (`image_scan`, one row per image; `image_vulnerability`, one per vulnerable package with the
/// whole finding as JSON). A repository's next scan replaces its rows in one transaction.
extension PostgresJobQueue: ImageScanArchive {
    static let imageScanSchema = ImageScanStore.statements(
        idColumn: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", scanID: "BIGINT", seconds: "DOUBLE PRECISION",
        json: "TEXT")

    package func record(_ results: [ImageScanResult], repository: String, revision: String, at date: Date)
        async throws
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        let rows = try results.map { result in
            (result, try json(result.locations), try json(result.notes), try result.vulnerabilities.map(json))
        }
        let scannedAt = date.timeIntervalSince1970
        try await perform("record the image scan of \(repository)") {
            try await self.client.withTransaction(logger: self.logger) { connection in
                try await connection.query(
                    "DELETE FROM image_scan WHERE repository = \(repository)", logger: self.logger)
                for (result, locations, notes, details) in rows {
                    let packages = Int64(result.packageCount)
                    let inserted = try await connection.query(
                        """
                        INSERT INTO image_scan (repository, revision, image, locations, manifest_digest, platform,
                            distribution, packages, notes, error, scanned_at)
                        VALUES (\(repository), \(revision), \(result.image), \(locations), \(result.manifestDigest),
                            \(result.platform), \(result.distribution), \(packages), \(notes), \(result.error), \(scannedAt))
                        RETURNING id
                        """, logger: self.logger
                    ).collect()
                    guard let id = try inserted.first?.decode(Int64.self) else {
                        throw QueueError(
                            code: .storeFailed, store: self.store, operation: "record an image scan",
                            reason: "INSERT INTO image_scan returned no id")
                    }
                    let found = result.vulnerabilities
                    // Arrays hold no NULLs here: a missing fixed version travels as a flag beside it.
                    try await connection.query(
                        """
                        INSERT INTO image_vulnerability (scan_id, advisory, severity, package, installed_version,
                            fixed_version, ecosystem, detail)
                        SELECT \(id), advisory, severity, package, installed, CASE WHEN has_fix THEN fixed END,
                            ecosystem, detail
                        FROM UNNEST(
                            \(found.map(\.advisory))::text[], \(found.map(\.severity.rawValue))::text[],
                            \(found.map(\.package.name))::text[], \(found.map(\.installedVersion))::text[],
                            \(found.map { $0.fixedVersion ?? "" })::text[], \(found.map { $0.fixedVersion != nil })::bool[],
                            \(found.map(\.ecosystem))::text[], \(details)::text[]
                        ) AS found (advisory, severity, package, installed, fixed, has_fix, ecosystem, detail)
                        """, logger: self.logger)
                }
            }
        }
    }

    /// One statement, so one snapshot: read as a scan and then its findings, a scan replaced in
    /// between came back with the findings of its old rows gone (a vulnerable image shown clean).
    package func scans(of repository: String) async throws -> [StoredImageScan] {
        try await perform("read the image scan of \(repository)") {
            let decoder = JSONDecoder()
            let rows = try await self.client.query(
                """
                SELECT scan.id, scan.repository, scan.revision, scan.image, scan.locations, scan.manifest_digest,
                       scan.platform, scan.distribution, scan.packages, scan.notes, scan.error, scan.scanned_at,
                       found.detail
                FROM image_scan AS scan LEFT JOIN image_vulnerability AS found ON found.scan_id = scan.id
                WHERE scan.repository = \(repository) ORDER BY scan.id, found.ctid
                """, logger: self.logger
            ).collect()
            var stored: [(id: Int64, scan: StoredImageScan)] = []
            for row in rows {
                let cells = row.makeRandomAccess()
                let id = try cells[0].decode(Int64.self)
                let detail = try cells[12].decode(String?.self).map {
                    try decoder.decode(Vulnerability.self, from: Data($0.utf8))
                }
                if let last = stored.last, last.id == id {
                    if let detail { stored[stored.count - 1].scan.result.vulnerabilities.append(detail) }
                    continue
                }
                let (repository, revision, image, locations) = try (
                    cells[1].decode(String.self), cells[2].decode(String.self), cells[3].decode(String.self),
                    cells[4].decode(String.self)
                )
                let (digest, platform, distribution, packages) = try (
                    cells[5].decode(String?.self), cells[6].decode(String?.self), cells[7].decode(String?.self),
                    cells[8].decode(Int.self)
                )
                let (notes, error, scannedAt) = try (
                    cells[9].decode(String.self), cells[10].decode(String?.self), cells[11].decode(Double.self)
                )
                let result = ImageScanResult(
                    image: image, locations: try decoder.decode([String].self, from: Data(locations.utf8)),
                    manifestDigest: digest, platform: platform, distribution: distribution, packageCount: packages,
                    vulnerabilities: detail.map { [$0] } ?? [],
                    notes: try decoder.decode([String].self, from: Data(notes.utf8)), error: error)
                stored.append(
                    (
                        id,
                        StoredImageScan(
                            repository: repository, revision: revision,
                            scannedAt: Date(timeIntervalSince1970: scannedAt), result: result)
                    ))
            }
            return stored.map(\.scan)
        }
    }
}
