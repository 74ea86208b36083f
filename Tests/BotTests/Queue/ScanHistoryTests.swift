import Bot
import Foundation
import Testing

/// The dashboard's scan history in the queue's database: the same behaviour on SQLite and PostgreSQL.
@Suite struct ScanHistoryTests {
    static func finding(_ check: String, _ severity: ScanFinding.Severity, file: String = "apps/web.yaml", line: Int)
        -> ScanFinding
    {
        ScanFinding(
            check: check, severity: severity, category: "Security", file: file, line: line, namespace: "shop",
            object: "Deployment/web", message: "\(check) at \(line)")
    }

    static func scan(_ repository: String, at date: Date, commit: String = "c0ffee", findings: [ScanFinding] = [])
        -> ScanRecord
    {
        ScanRecord(
            forge: "github", repository: repository, commit: commit, scannedAt: date, objectsChecked: 4,
            checksRun: 10, findings: findings)
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func storesAScanWithItsFindingsAndListsTheNewestPerRepository(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let start = store.clock.now
            let findings = [
                Self.finding("runAsRootAllowed", .danger, file: "b.yaml", line: 7),
                Self.finding("cpuLimitsMissing", .warning, file: "a.yaml", line: 3),
                ScanFinding(
                    check: "yamlSyntax", severity: .danger, category: "Reliability", file: "broken.yaml", line: 1,
                    namespace: "", object: "", message: "not YAML: it's \"quoted\" ünïcode"),
            ]
            let first = try await queue.record(
                Self.scan("acme/shop", at: start, commit: "aaa"), retention: ScanRetention())
            let second = try await queue.record(
                Self.scan("acme/shop", at: start.addingTimeInterval(60), commit: "bbb", findings: findings),
                retention: ScanRetention())
            try await queue.record(Self.scan("acme/api", at: start), retention: ScanRetention())
            #expect(second > first)

            let latest = try await queue.latestScans()
            #expect(latest.map(\.repository) == ["acme/api", "acme/shop"])
            let shop = try #require(latest.last)
            #expect(shop.id == second && shop.commit == "bbb" && shop.dangers == 2 && shop.warnings == 1)
            #expect(shop.objectsChecked == 4 && shop.checksRun == 10)
            #expect(shop.scannedAt.timeIntervalSince1970 == start.addingTimeInterval(60).timeIntervalSince1970)

            let stored = try await queue.findings(scan: second)
            #expect(stored.map(\.file) == ["a.yaml", "b.yaml", "broken.yaml"])
            #expect(Set(stored) == Set(findings))
            #expect(try await queue.findings(scan: first).isEmpty)
            #expect(
                try await queue.scans(forge: "github", repository: "acme/shop", limit: 10).map(\.commit) == [
                    "bbb", "aaa",
                ])
            #expect(try await queue.scans(forge: "gitea", repository: "acme/shop", limit: 10).isEmpty)
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func retentionKeepsTheNewestScansOfEachRepositoryAndDeletesTheirFindings(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let start = store.clock.now
            let keepThree = ScanRetention(scansPerRepository: 3, maximumAge: nil)
            var ids: [Int64] = []
            for minute in 0..<5 {
                ids.append(
                    try await queue.record(
                        Self.scan(
                            "acme/shop", at: start.addingTimeInterval(Double(minute) * 60), commit: "c\(minute)",
                            findings: [Self.finding("x", .warning, line: minute + 1)]), retention: keepThree))
            }
            try await queue.record(Self.scan("acme/api", at: start), retention: keepThree)
            #expect(
                try await queue.scans(forge: "github", repository: "acme/shop", limit: 10).map(\.commit) == [
                    "c4", "c3", "c2",
                ])
            #expect(try await queue.findings(scan: ids[0]).isEmpty)
            #expect(try await queue.findings(scan: ids[4]).count == 1)
            #expect(try await queue.scans(forge: "github", repository: "acme/api", limit: 10).count == 1)
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func retentionByAgeKeepsEachRepositorysNewestScan(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            let old = store.clock.now
            let retention = ScanRetention(scansPerRepository: 100, maximumAge: 86_400)
            try await queue.record(Self.scan("acme/quiet", at: old, commit: "only"), retention: retention)
            try await queue.record(Self.scan("acme/shop", at: old, commit: "old"), retention: retention)
            store.clock.advance(by: .seconds(2 * 86_400))
            try await queue.record(Self.scan("acme/shop", at: store.clock.now, commit: "new"), retention: retention)
            #expect(try await queue.scans(forge: "github", repository: "acme/shop", limit: 10).map(\.commit) == ["new"])
            #expect(
                try await queue.scans(forge: "github", repository: "acme/quiet", limit: 10).map(\.commit) == ["only"])
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func theUpgradeScansOutdatedListReplacesTheLastOne(_ backend: Backend) async throws {
        try await QueueStore.with(backend) { store in
            let queue = try await store.open()
            #expect(try await queue.outdated(forge: "github", repository: "acme/shop") == nil)
            let chart = OutdatedDependency(
                kind: .chart, addOn: "cert-manager", name: "cert-manager", file: "infra/cert-manager.yaml", line: 12,
                current: "v1.14.0", newestAllowed: "v1.17.1", pullRequest: 42)
            let image = OutdatedDependency(
                kind: .image, addOn: "nginx", name: "docker.io/library/nginx", file: "apps/web.yaml", line: 20,
                current: "1.25.0", newestAllowed: nil, pullRequest: nil)
            let first = OutdatedReport(
                forge: "github", repository: "acme/shop", commit: "aaa", scannedAt: store.clock.now,
                dependencies: [chart, image])
            try await queue.record(first)
            #expect(try await queue.outdated(forge: "github", repository: "acme/shop") == first)
            let second = OutdatedReport(
                forge: "github", repository: "acme/shop", commit: "bbb", scannedAt: store.clock.now, dependencies: [])
            try await queue.record(second)
            #expect(try await queue.outdated(forge: "github", repository: "acme/shop") == second)
        }
    }
}
