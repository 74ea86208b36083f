import Foundation
import Manifests
import Testing

@testable import Policy

/// Findings kept in a temporary file (`FindingSpill`, `FindingList`) come back exactly as they
/// went in, in the order and with the merges the in-memory list gives, and the file is gone.
@Suite struct FindingSpillTests {
    static func finding(
        _ file: String, _ line: Int, _ column: Int, offset: Int = 0, check: String = "tagNotSpecified",
        container: String? = nil, message: String = "m"
    ) -> Finding {
        Finding(
            checkID: check, severity: .warning, category: .reliability, file: file,
            position: SourcePosition(line: line, column: column, offset: offset),
            object: ObjectReference(apiVersion: "apps/v1", kind: "Deployment", namespace: nil, name: "web"),
            container: container, path: DocumentPath([.key("spec"), .index(0)]), message: message)
    }

    /// A folder of its own for one test's spill, removed afterwards.
    static func withFolder<Result>(_ body: (String) throws -> Result) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appending(path: "spill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try body(folder)
    }

    static func spilled(_ findings: [Finding], in folder: String) throws -> FindingList {
        var list = FindingList(spill: try FindingSpill(directory: folder))
        list.append(contentsOf: findings)
        return list
    }

    @Test func everyFieldComesBackAsWritten() throws {
        let huge = String(repeating: "a long message ✓ ", count: 200_000)
        let findings = [
            Finding(
                checkID: "yamlSyntaxError", severity: .danger, category: .compatibility, file: "dir/ü ñ.yaml",
                position: SourcePosition(line: 1_000_000, column: 3, offset: 99), object: nil, container: nil,
                path: DocumentPath(), message: huge, documentIndex: nil),
            Finding(
                checkID: "runAsRootAllowed", severity: .warning, category: .security, file: "e\u{301}.yaml",
                position: SourcePosition(line: 2, column: 1),
                object: ObjectReference(
                    apiVersion: "v1", kind: "Pod", namespace: "shop", name: "web"), container: "",
                path: DocumentPath([.key("spec"), .key("containers"), .index(12), .key("a.b/c")]), message: "",
                documentIndex: 7),
        ]
        try Self.withFolder { folder in
            let list = try Self.spilled(findings, in: folder)
            #expect(list.count == 2)
            #expect(Array(list) == findings)
            #expect(list[0].message.utf8.count == huge.utf8.count)
        }
    }

    /// Report order on entries is `Finding.sortInReportOrder`'s, ties included: equal keys keep
    /// their order, positions that differ only by offset compare equal, and canonically equal
    /// file names (é written two ways) are one file.
    @Test func theOrderIsTheInMemoryOrderWithItsTies() throws {
        var findings: [Finding] = []
        let files = ["b.yaml", "a.yaml", "\u{e9}.yaml", "e\u{301}.yaml", "a.yaml/x"]
        let checks = ["tagNotSpecified", "hostIPCSet", "cpuLimitsMissing"]
        let containers: [String?] = [nil, "", "web", "a"]
        for index in 0..<600 {
            findings.append(
                Self.finding(
                    files[index % 5], 1 + index % 3, 1 + index % 2, offset: index % 7 == 0 ? 1 : 0,
                    check: checks[index % 3 == 0 ? 0 : (index / 3) % 3], container: containers[(index / 5) % 4],
                    message: "finding \(index)"))
        }
        var expected = findings
        Finding.sortInReportOrder(&expected)
        try Self.withFolder { folder in
            var list = try Self.spilled(findings, in: folder)
            list.sortInReportOrder()
            #expect(list.map(\.message) == expected.map(\.message))
            #expect(list.fileCount == Set(findings.map(\.file)).count)
        }
    }

    @Test func filtersAndMergesMatchTheInMemoryList() throws {
        let findings = (0..<50).map { Self.finding("f\($0 % 4).yaml", $0 % 3, 1, message: "m\($0 % 5)") }
        try Self.withFolder { folder in
            let list = try Self.spilled(findings, in: folder)
            let kept = list.filtered { $0.file != "f1.yaml" }
            #expect(Array(kept) == findings.filter { $0.file != "f1.yaml" })
            let merged = PolicyEngine.relocatedAndMerged(list, streams: [:])
            #expect(Array(merged) == Array(PolicyEngine.relocatedAndMerged(FindingList(findings), streams: [:])))
            #expect(merged.count == Set(findings.map { "\($0.file)|\($0.position)" }).count)
        }
    }

    @Test func theFileIsGoneFromTheFolderAsSoonAsItIsMade() throws {
        try Self.withFolder { folder in
            var list = try Self.spilled([Self.finding("a.yaml", 1, 1)], in: folder)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
            list.append(Self.finding("b.yaml", 2, 1))
            #expect(list.count == 2 && list[1].file == "b.yaml")
        }
    }

    @Test func aSpillPastItsLimitSaysSoAndTakesNothingMore() throws {
        try Self.withFolder { folder in
            let spill = try FindingSpill(directory: folder, maximumBytes: 1_000)
            var list = FindingList(spill: spill)
            list.append(Self.finding("a.yaml", 1, 1))
            list.append(Self.finding("b.yaml", 1, 1, message: String(repeating: "x", count: 2_000)))
            list.append(Self.finding("c.yaml", 1, 1))
            #expect(list.count == 1)
            #expect(spill.failure?.contains("more than 1000 bytes") == true)
        }
    }

    @Test func aFolderThatCannotHoldItIsAnError() {
        #expect(throws: FindingSpill.Failure.self) {
            try FindingSpill(directory: "/nonexistent-\(UUID().uuidString)")
        }
    }

    /// The engine with a spill reports what it reports in memory, byte for byte.
    @Test func theEngineReportsTheSameWithASpill() throws {
        let files = [
            (path: "a.yaml", text: ContextRetentionFactsTests.workloads),
            (path: "b.yaml", text: ContextRetentionFactsTests.context),
            (path: "c.yaml", text: "kind: [\n"),
        ]
        let memory = try TestEngine.make()
        try Self.withFolder { folder in
            var spilled = memory
            spilled.findingSpill = try FindingSpill(directory: folder)
            let report = spilled.run(files: files)
            #expect(report.findingList.count > 3)
            #expect(JSONReport.document(report) == JSONReport.document(memory.run(files: files)))
            #expect(
                TextReport(useColor: false).render(report)
                    == TextReport(useColor: false).render(memory.run(files: files)))
        }
    }

    /// Two charts that render the same objects: their findings move to one values line and merge.
    static let twinCharts = (1...2).map { chart in
        GeneratedManifests(
            path: "rendered/\(chart).yaml", bytes: Array(ContextRetentionFactsTests.workloads.utf8), namespace: nil,
            origins: SourceOrigins(),
            fallback: SourceLocation(file: "values.yaml", position: SourcePosition(line: 1, column: 1)),
            label: "rendered by chart \(chart)")
    }

    /// A spill that reaches its limit while relocated findings are merged (some merged ones
    /// written, their duplicates still to come) ends the run with its failure, not a trap
    /// reading a merged finding that was never written.
    @Test func aSpillFullWhileMergingRelocatedFindingsFailsCleanly() throws {
        let memory = try TestEngine.make()
        let expected = memory.run(paths: [], generated: Self.twinCharts, source: { _ in [] })
        #expect(expected.findingList.count > 2)
        var failures = 0
        try Self.withFolder { folder in
            for limit in stride(from: 1_000, to: 20_000, by: 100) {
                var engine = memory
                let spill = try FindingSpill(directory: folder, maximumBytes: Int64(limit))
                engine.findingSpill = spill
                let report = engine.run(paths: [], generated: Self.twinCharts, source: { _ in [] })
                if let failure = spill.failure {
                    #expect(failure.contains("more than \(limit) bytes"))
                    failures += 1
                } else {
                    #expect(Self.json(report) == Self.json(expected))
                }
            }
        }
        #expect(failures > 0)
    }

    static func json(_ report: CheckReport) -> String { String(decoding: JSONReport.document(report), as: UTF8.self) }

    /// Where the file cannot be written (a full `$TMPDIR`: `/dev/full` here), findings go to
    /// memory and the report is the one without a spill.
    @Test func aSpillThatCannotWriteKeepsFindingsInMemory() throws {
        let memory = try TestEngine.make()
        let files = [
            (path: "a.yaml", text: ContextRetentionFactsTests.workloads),
            (path: "b.yaml", text: ContextRetentionFactsTests.context),
        ]
        for generated in [[], Self.twinCharts] {
            var engine = memory
            let descriptor = open("/dev/full", O_WRONLY | O_CLOEXEC)
            try #require(descriptor >= 0)
            let spill = FindingSpill(descriptor: descriptor, path: "/dev/full")
            engine.findingSpill = spill
            let paths = files.map(\.path)
            let source: PolicyEngine.FileSource = { path in
                Array((files.first { $0.path == path }?.text ?? "").utf8)
            }
            let report = engine.run(paths: paths, generated: generated, source: source)
            let expected = memory.run(paths: paths, generated: generated, source: source)
            #expect(spill.failure == nil)
            #expect(spill.writeError?.contains("No space left on device") == true)
            #expect(report.findingList.count > 3)
            #expect(Self.json(report) == Self.json(expected))
            #expect(TextReport(useColor: false).render(report) == TextReport(useColor: false).render(expected))
        }
    }
}
