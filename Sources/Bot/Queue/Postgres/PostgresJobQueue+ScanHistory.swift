import Foundation
import PostgresNIO

extension PostgresJobQueue: ScanHistory {
    @discardableResult
    package func record(_ scan: ScanRecord, retention: ScanRetention) async throws -> Int64 {
        let summary = scan.summary
        let cutoff = retention.maximumAge.map { settings.now().addingTimeInterval(-$0).queueMilliseconds }
        let scannedAt = scan.scannedAt.queueMilliseconds
        let (objects, checks, dangers, warnings) = (
            scan.objectsChecked, scan.checksRun, summary.dangers, summary.warnings
        )
        let findings = scan.findings
        return try await perform("record the scan of \(scan.forge):\(scan.repository)") {
            try await self.client.withTransaction(logger: self.logger) { connection -> Int64 in
                let rows = try await connection.query(
                    """
                    INSERT INTO scans (forge, repository, commit_sha, scanned_at_ms, objects_checked, checks_run, dangers, warnings)
                    VALUES (\(scan.forge), \(scan.repository), \(scan.commit), \(scannedAt), \(objects), \(checks), \(dangers), \(warnings))
                    RETURNING id
                    """, logger: self.logger
                ).collect()
                guard let id = try rows.first?.decode(Int64.self) else {
                    throw QueueError(
                        code: .storeFailed, store: self.store, operation: "record a scan",
                        reason: "INSERT INTO scans returned no id")
                }
                // One statement for all findings: arrays unnested, not a round trip per row.
                try await connection.query(
                    """
                    INSERT INTO scan_findings (scan_id, check_id, severity, category, file, line, namespace, object, message)
                    SELECT \(id), * FROM UNNEST(
                        \(findings.map(\.check))::text[], \(findings.map(\.severity.rawValue))::text[],
                        \(findings.map(\.category))::text[], \(findings.map(\.file))::text[],
                        \(findings.map { Int64($0.line) })::bigint[], \(findings.map(\.namespace))::text[],
                        \(findings.map(\.object))::text[], \(findings.map(\.message))::text[])
                    """, logger: self.logger)
                var count = PostgresBindings()
                count.append(scan.forge)
                count.append(scan.repository)
                count.append(Int64(retention.scansPerRepository))
                try await connection.query(
                    PostgresQuery(unsafeSQL: ScanHistorySchema.pruneByCount, binds: count), logger: self.logger)
                if let cutoff {
                    var age = PostgresBindings()
                    age.append(cutoff)
                    try await connection.query(
                        PostgresQuery(unsafeSQL: ScanHistorySchema.pruneByAge, binds: age), logger: self.logger)
                }
                return id
            }
        }
    }

    package func record(_ outdated: OutdatedReport) async throws {
        let (forge, repository) = (outdated.forge, outdated.repository)
        let scannedAt = outdated.scannedAt.queueMilliseconds
        let dependencies = outdated.dependencies
        try await perform("record the upgrade scan of \(forge):\(repository)") {
            try await self.client.withTransaction(logger: self.logger) { connection in
                try await connection.query(
                    "DELETE FROM upgrade_scans WHERE forge = \(forge) AND repository = \(repository)",
                    logger: self.logger)
                try await connection.query(
                    """
                    INSERT INTO upgrade_scans (forge, repository, commit_sha, scanned_at_ms)
                    VALUES (\(forge), \(repository), \(outdated.commit), \(scannedAt))
                    """, logger: self.logger)
                for dependency in dependencies {
                    let line = Int64(dependency.line)
                    let pullRequest = dependency.pullRequest.map(Int64.init)
                    try await connection.query(
                        """
                        INSERT INTO outdated_dependencies (forge, repository, kind, add_on, name, file, line, current_version, newest_allowed, pull_request)
                        VALUES (\(forge), \(repository), \(dependency.kind.rawValue), \(dependency.addOn), \(dependency.name),
                                \(dependency.file), \(line), \(dependency.current), \(dependency.newestAllowed), \(pullRequest))
                        """, logger: self.logger)
                }
            }
        }
    }

    package func latestScans() async throws -> [ScanSummary] {
        try await perform("list the latest scans") {
            try await self.client.query(PostgresQuery(unsafeSQL: ScanHistorySchema.latestScans), logger: self.logger)
                .collect().map(ScanSummary.init(postgresRow:))
        }
    }

    package func scans(forge: String, repository: String, limit: Int) async throws -> [ScanSummary] {
        try await perform("list the scans of \(forge):\(repository)") {
            try await self.client.query(
                """
                SELECT * FROM scans WHERE forge = \(forge) AND repository = \(repository)
                ORDER BY scanned_at_ms DESC, id DESC LIMIT \(Int64(limit))
                """, logger: self.logger
            ).collect().map(ScanSummary.init(postgresRow:))
        }
    }

    package func findings(scan id: Int64) async throws -> [ScanFinding] {
        try await perform("read the findings of scan \(id)") {
            try await self.client.query(
                """
                SELECT check_id, severity, category, file, line, namespace, object, message FROM scan_findings
                WHERE scan_id = \(id) ORDER BY file, line, check_id
                """, logger: self.logger
            ).collect().map { row in
                let (check, severity, category, file, line, namespace, object, message) = try row.decode(
                    (String, String, String, String, Int, String, String, String).self)
                return ScanFinding(
                    check: check, severity: try ScanFinding.Severity(stored: severity), category: category,
                    file: file, line: line, namespace: namespace, object: object, message: message)
            }
        }
    }

    package func outdated(forge: String, repository: String) async throws -> OutdatedReport? {
        try await perform("read the outdated dependencies of \(forge):\(repository)") {
            let scans = try await self.client.query(
                "SELECT commit_sha, scanned_at_ms FROM upgrade_scans WHERE forge = \(forge) AND repository = \(repository)",
                logger: self.logger
            ).collect()
            guard let scan = scans.first else { return nil }
            let (commit, scannedAt) = try scan.decode((String, Int64).self)
            let dependencies = try await self.client.query(
                """
                SELECT kind, add_on, name, file, line, current_version, newest_allowed, pull_request
                FROM outdated_dependencies WHERE forge = \(forge) AND repository = \(repository)
                ORDER BY add_on, kind, name, file, line
                """, logger: self.logger
            ).collect().map { row in
                let (kind, addOn, name, file, line, current, newest, pullRequest) = try row.decode(
                    (String, String, String, String, Int, String, String?, Int?).self)
                return OutdatedDependency(
                    kind: try OutdatedDependency.Kind(stored: kind), addOn: addOn, name: name, file: file, line: line,
                    current: current, newestAllowed: newest, pullRequest: pullRequest)
            }
            return OutdatedReport(
                forge: forge, repository: repository, commit: commit,
                scannedAt: Date(queueMilliseconds: scannedAt), dependencies: dependencies)
        }
    }
}

extension ScanSummary {
    init(postgresRow row: PostgresRow) throws {
        let columns = row.makeRandomAccess()
        self.init(
            id: try columns["id"].decode(Int64.self), forge: try columns["forge"].decode(String.self),
            repository: try columns["repository"].decode(String.self),
            commit: try columns["commit_sha"].decode(String.self),
            scannedAt: Date(queueMilliseconds: try columns["scanned_at_ms"].decode(Int64.self)),
            objectsChecked: try columns["objects_checked"].decode(Int.self),
            checksRun: try columns["checks_run"].decode(Int.self), dangers: try columns["dangers"].decode(Int.self),
            warnings: try columns["warnings"].decode(Int.self))
    }
}
