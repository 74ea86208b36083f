import Foundation

/// `shipshape upgrade --list`: what the scan found, asking no registry.
package enum DependencyListReport {
    package static func text(_ report: DetectionReport) -> String {
        var text = ""
        if !report.dependencies.isEmpty {
            let rows =
                [["NAME", "KIND", "VERSION", "SOURCE", "WHERE"]]
                + report.dependencies.map { dependency in
                    [
                        dependency.name, dependency.kind.rawValue,
                        dependency.currentValue + (dependency.digest.map { "@" + $0.prefix(19) } ?? ""),
                        dependency.source.description, "\(dependency.location) \(dependency.origin)",
                    ]
                }
            text += UpgradeTextReport.table(rows)
        }
        if !report.notes.isEmpty {
            text += "\nNot understood (\(report.notes.count)):\n" + report.notes.map { "  \($0)\n" }.joined()
        }
        let charts = report.dependencies.filter { $0.kind == .chart }.count
        text +=
            "\n\(report.dependencies.count) dependencies (\(charts) charts, \(report.dependencies.count - charts) images) in \(report.filesScanned) files.\n"
        return text
    }

    struct Entry: Encodable {
        var name: String
        var kind: String
        var addOn: String
        var source: String
        var current: String
        var digest: String?
        var file: String
        var line: Int
        var column: Int
        var origin: String
        var editable: Bool
    }

    struct Document: Encodable {
        var dependencies: [Entry]
        var notes: [UpgradeJSONReport.Note]
        var files: Int
    }

    package static func json(_ report: DetectionReport) throws -> String {
        let document = Document(
            dependencies: report.dependencies.map { dependency in
                Entry(
                    name: dependency.name, kind: dependency.kind.rawValue, addOn: dependency.addOn,
                    source: dependency.source.description,
                    current: dependency.currentValue, digest: dependency.digest, file: dependency.location.file,
                    line: dependency.location.line,
                    column: dependency.location.column, origin: dependency.origin.description,
                    editable: dependency.location.range != nil)
            },
            notes: report.notes.map {
                UpgradeJSONReport.Note(file: $0.file, line: $0.line, origin: $0.origin.description, message: $0.message)
            },
            files: report.filesScanned)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
