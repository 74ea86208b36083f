import Bot
import Foundation
import Manifests
import Policy
import Testing

/// A repository writes the texts a scan stores (file paths, its Kyverno rules' names and
/// messages): each is cut to its limit, so one long string cannot make the stored scan, or the
/// dashboard page listing it, as large as the repository likes.
@Suite struct ScanHistoryBoundsTests {
    @Test func aScansLongTextsAreCutWhenRecorded() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-bounds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try SQLiteJobQueue(path: folder.appending(path: "queue.sqlite").path)
        let long = String(repeating: "x", count: 1_000_000)
        let report = CheckReport(
            findings: [
                Finding(
                    checkID: "rule-" + long, severity: .danger, category: .security, file: "apps/" + long + ".yaml",
                    position: SourcePosition(line: 3, column: 1), object: nil, container: nil, path: DocumentPath(),
                    message: "message " + long)
            ], files: [], notes: [])

        try await ScanHistoryRecorder(history: queue, retention: ScanRetention()).record(
            forge: "github", repository: "acme/shop", commit: "abc", report: report)

        let stored = try #require(try await queue.latestScans().first)
        let finding = try #require(try await queue.findings(scan: stored.id).first)
        #expect(finding.message.count == ScanFinding.maximumMessage && finding.message.hasSuffix("x…"))
        #expect(finding.message.hasPrefix("message xxx"))
        #expect(finding.check.count == ScanFinding.maximumName && finding.file.count == ScanFinding.maximumName)
        #expect(finding.line == 3 && finding.severity == .danger)
    }
}
