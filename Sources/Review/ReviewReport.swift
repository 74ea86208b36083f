import Diffs
internal import FileNames
import Manifests
import Policy

/// The review as JSON (the document the bot posts from; schema in docs/review-output.md) and as text.
package enum ReviewReport {
    package static let schemaVersion = 1

    package static func json(_ review: ReviewResult) -> String {
        var json = JSONWriter(capacity: 1024 * (review.comments.count + review.summary.count) + 4096)
        json.object { json in
            json.field("base", review.base)
            json.key("changedFiles")
            json.array { json in
                for change in review.changes {
                    json.object { json in
                        json.field("kind", change.kind.rawValue)
                        json.field("oldPath", ifPresent: change.oldPath.map(FileName.escaped))
                        json.field("path", FileName.escaped(change.path))
                    }
                }
            }
            json.key("comments")
            json.array { json in
                for comment in review.comments {
                    json.object { json in
                        write(comment.finding, to: &json)
                        json.field("side", comment.side)
                    }
                }
            }
            json.key("counts")
            json.object { json in
                let findings = review.reportedFindings
                json.field("comments", review.comments.count)
                json.field("danger", findings.filter { $0.severity == .danger }.count)
                json.field("summary", review.summary.count)
                json.field("warning", findings.filter { $0.severity == .warning }.count)
            }
            json.field("filter", review.filter.rawValue)
            json.key("addedExemptions")
            json.array { json in
                for exemption in review.addedExemptions {
                    json.object { json in
                        json.field("annotation", exemption.annotation)
                        json.field("approved", exemption.approved)
                        json.field("counted", exemption.counted)
                        json.field("line", exemption.position.line)
                        JSONReport.write(exemption.object, as: "object", to: &json)
                        json.field("path", FileName.escaped(exemption.file))
                        json.field("reason", exemption.reason)
                    }
                }
            }
            json.field("head", review.head)
            json.field("mergeBase", review.mergeBase)
            json.key("notes")
            json.array { json in for note in review.notes { json.string(note) } }
            json.key("summary")
            json.array { json in
                for item in review.summary {
                    json.object { json in
                        json.key("causedBy")
                        json.array { json in for path in item.causedBy { json.string(FileName.escaped(path)) } }
                        write(item.finding, to: &json)
                    }
                }
            }
            json.field("version", schemaVersion)
        }
        return json.text
    }

    /// The fields a comment and a summary item share, named as forges name them (`path`, `line`).
    private static func write(_ finding: Finding, to json: inout JSONWriter) {
        json.field("checkId", finding.checkID)
        json.field("column", finding.position.column)
        json.field("container", ifPresent: finding.container)
        json.field("documentPath", finding.path.description)
        json.field("fingerprint", finding.fingerprint)
        json.field("line", finding.position.line)
        json.field("message", finding.message)
        if let object = finding.object { JSONReport.write(object, as: "object", to: &json) }
        json.field("path", FileName.escaped(finding.file))
        json.field("severity", finding.severity.rawValue)
    }

    package static func text(_ review: ReviewResult, useColor: Bool) -> String {
        var lines = [
            "Review of \(review.head.prefix(7)) against \(review.base.prefix(7)) (merge base \(review.mergeBase.prefix(7))), filter \(review.filter.rawValue): \(review.changes.count) changed file(s)"
        ]
        lines += TextReport(useColor: useColor).groupedLines(review.comments.map(\.finding))
        lines += review.notes.map { "note: \($0)" }
        if !review.addedExemptions.isEmpty {
            lines.append("Exemptions this change adds:")
            for exemption in review.addedExemptions {
                let status =
                    exemption.approved
                    ? "counted, approved"
                    : exemption.counted ? "counted (pullRequestExemptions: count)" : "not counted before merge"
                lines.append(
                    "  \(FileName.escaped(exemption.file)):\(exemption.position.line) \(exemption.object) \(exemption.annotation): \"\(exemption.reason)\" (\(status))"
                )
            }
        }
        if !review.summary.isEmpty {
            lines.append("Caused by the change, outside its lines (summary comment):")
            for item in review.summary {
                let finding = item.finding
                lines.append(
                    "  \(FileName.escaped(finding.file)):\(finding.position.line) \(finding.severity.rawValue) \(finding.checkID)  \(finding.object?.description ?? ""): \(finding.message) (caused by \(item.causedBy.map(FileName.escaped).joined(separator: ", ")))"
                )
            }
        }
        let findings = review.reportedFindings
        let dangers = findings.filter { $0.severity == .danger }.count
        lines.append(
            "\(review.comments.count) inline comment(s), \(review.summary.count) summary finding(s): \(dangers) danger, \(findings.count - dangers) warning"
        )
        return lines.joined(separator: "\n") + "\n"
    }
}
