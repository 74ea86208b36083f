internal import FileNames
import Manifests

/// The machine report (schema in docs/json-output.md): findings, files and counts, keys sorted
/// so the output is stable from run to run.
package enum JSONReport {
    package static let schemaVersion = 1

    package static func render(_ report: CheckReport) -> String {
        String(decoding: document(report), as: UTF8.self)
    }

    /// The report as the bytes `render` spells.
    package static func document(_ report: CheckReport) -> [UInt8] {
        var json = JSONWriter(capacity: 512 * (report.findingList.count + report.files.count / 4) + 4096)
        write(report, to: &json)
        return json.takeDocument()
    }

    /// The report's bytes handed to `sink` as they are written: a report of tens of thousands
    /// of findings is never whole in memory.
    package static func stream(_ report: CheckReport, to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        var json = JSONWriter(sink: sink)
        write(report, to: &json)
        json.finish()
    }

    private static func write(_ report: CheckReport, to json: inout JSONWriter) {
        json.object { json in
            json.key("files")
            json.array { json in
                for file in report.files { write(file, to: &json) }
            }
            json.key("findings")
            json.array { json in
                for finding in report.findingList { write(finding, to: &json) }
            }
            json.key("notes")
            json.array { json in
                for note in report.notes { json.string(note) }
            }
            json.key("summary")
            writeSummary(report, to: &json)
            json.field("version", schemaVersion)
        }
    }

    private static func write(_ finding: Finding, to json: inout JSONWriter) {
        json.object { json in
            json.field("category", finding.category.rawValue)
            json.field("checkId", finding.checkID)
            json.field("column", finding.position.column)
            json.field("container", ifPresent: finding.container)
            json.field("file", FileName.escaped(finding.file))
            json.field("line", finding.position.line)
            json.field("message", finding.message)
            if let object = finding.object { write(object, as: "object", to: &json) }
            json.field("path", finding.path.description)
            json.field("severity", finding.severity.rawValue)
        }
    }

    /// `{apiVersion, kind, name, namespace}` under `key`: how every report names an object.
    package static func write(_ object: ObjectReference, as key: String, to json: inout JSONWriter) {
        json.key(key)
        json.object { json in
            json.field("apiVersion", object.apiVersion)
            json.field("kind", object.kind)
            json.field("name", object.name)
            json.field("namespace", ifPresent: object.namespace)
        }
    }

    private static func write(_ file: CheckReport.FileOutcome, to json: inout JSONWriter) {
        json.object { json in
            json.field("documents", file.documents)
            json.field("error", ifPresent: file.error)
            json.field("objects", file.objects)
            json.field("path", FileName.escaped(file.path))
            json.field("status", file.status.rawValue)
        }
    }

    private static func writeSummary(_ report: CheckReport, to json: inout JSONWriter) {
        json.object { json in
            json.key("byCheck")
            json.object { json in
                for (id, count) in report.countsByCheck.sorted(by: { $0.key < $1.key }) { json.field(id, count) }
            }
            json.key("bySeverity")
            json.object { json in
                json.field(Severity.danger.rawValue, report.count(.danger))
                json.field(Severity.warning.rawValue, report.count(.warning))
            }
            json.field("checkedFiles", report.files.filter { $0.status == .checked }.count)
            json.field("files", report.files.count)
            json.field("findings", report.findingList.count)
            json.field("objects", report.files.reduce(0) { $0 + $1.objects })
        }
    }
}
