import Foundation
import Manifests
import Testing

@testable import Policy

/// The whole shared corpus (`../shared/corpus/`, 8,700 files from 30 projects), read in place:
/// nothing crashes, every file is accounted for, and the figures match the corpus' STATS.md.
@Suite struct CorpusTests {
    static func statistic(_ label: String) throws -> Int {
        let stats = try String(contentsOf: TestPaths.sharedCorpus.appending(path: "STATS.md"), encoding: .utf8)
        let line = try #require(stats.split(separator: "\n").first { $0.hasPrefix("| \(label) |") })
        let cell = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[1]
        return try #require(Int(cell.replacingOccurrences(of: ",", with: "")))
    }

    @Test func everyFileIsAccountedForAndRemovedAPIsAreFound() throws {
        let root = TestPaths.sharedCorpus.path
        let paths = try ManifestWalker.files(under: [root])
        #expect(paths.count == (try Self.statistic("YAML files")))
        let report = try TestEngine.make().run(paths: paths, source: TestEngine.fileSource)
        #expect(report.files.count == paths.count)
        let unaccounted = report.files.filter { ![.checked, .notKubernetes, .template].contains($0.status) }
        #expect(unaccounted.isEmpty, "\(unaccounted.prefix(5).map(\.path))")
        #expect(report.count(.danger) > 0)

        let removedKubernetesAPIs = report.findings.filter {
            $0.checkID == "deprecatedApiVersion" && $0.severity == .danger
                && $0.message.contains("removed in Kubernetes")
        }
        #expect(removedKubernetesAPIs.count == (try Self.statistic("objects with a removed apiVersion")))
        let documentsWithKind = try Self.statistic("documents with a `kind:`")
        let objects = report.files.reduce(0) { $0 + $1.objects }
        #expect(objects >= documentsWithKind - 50, "objects \(objects) vs documents with a kind \(documentsWithKind)")
        for finding in report.findings {
            #expect(finding.position.line >= 1 && finding.position.column >= 1)
        }
    }
}

/// Workloads keep only what cross-object checks read until those checks run (`CrossObjectRetention`):
/// over the whole corpus, the report is byte for byte the one keeping every object whole gives.
@Suite struct CrossObjectRetentionTests {
    @Test func theCorpusReportIsTheSameAsWithWholeObjects() throws {
        let paths = try ManifestWalker.files(under: [TestPaths.sharedCorpus.path])
        let source = TestEngine.fileSource
        let pruned = try TestEngine.make()
        var whole = pruned
        whole.retainedForCrossObjectChecks = { $0 }
        let expected = JSONReport.document(whole.run(paths: paths, source: source))
        let report = pruned.run(paths: paths, source: source)
        #expect(
            report.findings.contains { $0.checkID == "missingPodDisruptionBudget" }
                && report.findings.contains { $0.checkID == "automountServiceAccountToken" },
            "the corpus has cross-object findings on workloads to compare")
        #expect(JSONReport.document(report) == expected)
    }
}
