import Foundation
import GRDB

extension SQLiteJobQueue: ScanHistory {
    @discardableResult
    package func record(_ scan: ScanRecord, retention: ScanRetention) async throws -> Int64 {
        let summary = scan.summary
        let cutoff = retention.maximumAge.map { settings.now().addingTimeInterval(-$0).queueMilliseconds }
        return try await write("record the scan of \(scan.forge):\(scan.repository)") { db in
            let inserted = try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO scans (forge, repository, commit_sha, scanned_at_ms, objects_checked, checks_run, dangers, warnings)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """,
                arguments: [
                    scan.forge, scan.repository, scan.commit, scan.scannedAt.queueMilliseconds, scan.objectsChecked,
                    scan.checksRun, summary.dangers, summary.warnings,
                ])
            guard let id = inserted else { throw DatabaseError(message: "INSERT INTO scans returned no id") }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO scan_findings (scan_id, check_id, severity, category, file, line, namespace, object, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for finding in scan.findings {
                try insert.execute(arguments: [
                    id, finding.check, finding.severity.rawValue, finding.category, finding.file, finding.line,
                    finding.namespace, finding.object, finding.message,
                ])
            }
            try db.execute(
                sql: ScanHistorySchema.pruneByCount,
                arguments: [scan.forge, scan.repository, retention.scansPerRepository])
            if let cutoff { try db.execute(sql: ScanHistorySchema.pruneByAge, arguments: [cutoff]) }
            return id
        }
    }

    package func record(_ outdated: OutdatedReport) async throws {
        try await write("record the upgrade scan of \(outdated.forge):\(outdated.repository)") { db in
            try db.execute(
                sql: "DELETE FROM upgrade_scans WHERE forge = ? AND repository = ?",
                arguments: [outdated.forge, outdated.repository])
            try db.execute(
                sql: "INSERT INTO upgrade_scans (forge, repository, commit_sha, scanned_at_ms) VALUES (?, ?, ?, ?)",
                arguments: [
                    outdated.forge, outdated.repository, outdated.commit, outdated.scannedAt.queueMilliseconds,
                ])
            for dependency in outdated.dependencies {
                try db.execute(
                    sql: """
                        INSERT INTO outdated_dependencies (forge, repository, kind, add_on, name, file, line, current_version, newest_allowed, pull_request)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        outdated.forge, outdated.repository, dependency.kind.rawValue, dependency.addOn,
                        dependency.name, dependency.file, dependency.line, dependency.current,
                        dependency.newestAllowed, dependency.pullRequest,
                    ])
            }
        }
    }

    package func latestScans() async throws -> [ScanSummary] {
        try await read("list the latest scans") { db in
            try Row.fetchAll(db, sql: ScanHistorySchema.latestScans).map(ScanSummary.init(sqliteRow:))
        }
    }

    package func scans(forge: String, repository: String, limit: Int) async throws -> [ScanSummary] {
        try await read("list the scans of \(forge):\(repository)") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM scans WHERE forge = ? AND repository = ?
                    ORDER BY scanned_at_ms DESC, id DESC LIMIT ?
                    """, arguments: [forge, repository, limit]
            ).map(ScanSummary.init(sqliteRow:))
        }
    }

    package func findings(scan id: Int64) async throws -> [ScanFinding] {
        try await read("read the findings of scan \(id)") { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM scan_findings WHERE scan_id = ? ORDER BY file, line, check_id", arguments: [id]
            ).map { row in
                ScanFinding(
                    check: row["check_id"], severity: try ScanFinding.Severity(stored: row["severity"]),
                    category: row["category"], file: row["file"], line: row["line"], namespace: row["namespace"],
                    object: row["object"], message: row["message"])
            }
        }
    }

    package func outdated(forge: String, repository: String) async throws -> OutdatedReport? {
        try await read("read the outdated dependencies of \(forge):\(repository)") { db in
            guard
                let scan = try Row.fetchOne(
                    db, sql: "SELECT * FROM upgrade_scans WHERE forge = ? AND repository = ?",
                    arguments: [forge, repository])
            else { return nil }
            let dependencies = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outdated_dependencies WHERE forge = ? AND repository = ?
                    ORDER BY add_on, kind, name, file, line
                    """, arguments: [forge, repository]
            ).map { row in
                OutdatedDependency(
                    kind: try OutdatedDependency.Kind(stored: row["kind"]), addOn: row["add_on"], name: row["name"],
                    file: row["file"], line: row["line"], current: row["current_version"],
                    newestAllowed: row["newest_allowed"], pullRequest: row["pull_request"])
            }
            return OutdatedReport(
                forge: forge, repository: repository, commit: scan["commit_sha"],
                scannedAt: Date(queueMilliseconds: scan["scanned_at_ms"]), dependencies: dependencies)
        }
    }
}

extension ScanSummary {
    init(sqliteRow row: Row) {
        self.init(
            id: row["id"], forge: row["forge"], repository: row["repository"], commit: row["commit_sha"],
            scannedAt: Date(queueMilliseconds: row["scanned_at_ms"]), objectsChecked: row["objects_checked"],
            checksRun: row["checks_run"], dangers: row["dangers"], warnings: row["warnings"])
    }
}
