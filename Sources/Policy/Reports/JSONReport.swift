import Foundation
import Manifests

/// The machine report (schema in docs/json-output.md): findings, files and counts, keys sorted
/// so the output is stable from run to run.
public enum JSONReport {
    public static let schemaVersion = 1

    struct Document: Encodable {
        var version: Int
        var findings: [FindingRecord]
        var files: [FileRecord]
        var summary: Summary
        var notes: [String]
    }

    struct FindingRecord: Encodable {
        var checkId: String
        var severity: String
        var category: String
        var file: String
        var line: Int
        var column: Int
        var object: ObjectRecord?
        var container: String?
        var path: String
        var message: String
    }

    struct ObjectRecord: Encodable {
        var apiVersion: String
        var kind: String
        var namespace: String?
        var name: String
    }

    struct FileRecord: Encodable {
        var path: String
        var status: String
        var documents: Int
        var objects: Int
        var error: String?
    }

    struct Summary: Encodable {
        var files: Int
        var checkedFiles: Int
        var objects: Int
        var findings: Int
        var bySeverity: [String: Int]
        var byCheck: [String: Int]
    }

    public static func render(_ report: CheckReport) throws -> String {
        let document = Document(
            version: schemaVersion,
            findings: report.findings.map { finding in
                FindingRecord(checkId: finding.checkID, severity: finding.severity.rawValue, category: finding.category.rawValue,
                              file: finding.file, line: finding.position.line, column: finding.position.column,
                              object: finding.object.map { ObjectRecord(apiVersion: $0.apiVersion, kind: $0.kind, namespace: $0.namespace, name: $0.name) },
                              container: finding.container, path: finding.path.description, message: finding.message)
            },
            files: report.files.map { FileRecord(path: $0.path, status: $0.status.rawValue, documents: $0.documents, objects: $0.objects, error: $0.error) },
            summary: Summary(
                files: report.files.count,
                checkedFiles: report.files.filter { $0.status == .checked }.count,
                objects: report.files.reduce(0) { $0 + $1.objects },
                findings: report.findings.count,
                bySeverity: [Severity.danger.rawValue: report.count(.danger), Severity.warning.rawValue: report.count(.warning)],
                byCheck: report.countsByCheck
            ),
            notes: report.notes
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
