import Manifests

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), one line a
/// finding: a job that prints them gets each finding as an annotation on the file's line, with no
/// upload and no token. Escaped as GitHub's toolkit escapes them (`@actions/core` `command.ts`):
/// `%`, CR and LF in the message; also `:` and `,` in property values.
package enum GitHubAnnotationsReport {
    package static func render(_ report: CheckReport) -> String {
        report.findingList.map(line).joined()
    }

    static func line(_ finding: Finding) -> String {
        let properties = [
            ("file", ReportText.relativePath(finding.file)),
            ("line", String(max(1, finding.position.line))),
            ("col", String(max(1, finding.position.column))),
            ("title", "Shipshape \(finding.checkID)"),
        ]
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command(finding.severity)) \(list)::\(escapeData(ReportText.message(of: finding)))\n"
    }

    /// danger fails the check, so it is an error; a warning a warning; the rest notices.
    static func command(_ severity: Severity) -> String {
        switch severity {
        case .danger: "error"
        case .warning: "warning"
        case .ignore: "notice"
        }
    }

    static func escapeData(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    static func escapeProperty(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    /// Scalar by scalar: as Characters, CR LF is one and would slip through.
    private static func escape(_ text: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] {
                result += replacement
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
