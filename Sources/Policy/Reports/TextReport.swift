internal import FileNames
import Manifests

/// The human report: findings grouped by file, one line each, and a closing count. File names
/// are escaped (bytes that are not UTF-8, newlines, control characters), so a name cannot forge
/// or hide report lines.
package struct TextReport: Sendable {
    package var useColor: Bool

    package init(useColor: Bool) {
        self.useColor = useColor
    }

    package func render(_ report: CheckReport) -> String {
        var lines = groupedLines(report.findingList)
        for file in report.files where file.status == .template {
            lines.append(
                paint(
                    "note: \(FileName.escaped(file.path)): skipped, an unrendered template ({{ ... }}); render it (helm template) to check it",
                    .dim))
        }
        for file in report.unreadableFiles {
            lines.append(paint("error: \(FileName.escaped(file.path)): \(file.error ?? "cannot be read")", .red))
        }
        for note in report.notes {
            lines.append(paint("note: \(note)", .dim))
        }
        if !lines.isEmpty { lines.append("") }
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Findings grouped under their file's name, one line each.
    package func groupedLines(_ findings: some Sequence<Finding>) -> [String] {
        var lines: [String] = []
        var currentFile: String?
        for finding in findings {
            if finding.file != currentFile {
                if currentFile != nil { lines.append("") }
                lines.append(paint(FileName.escaped(finding.file), .bold))
                currentFile = finding.file
            }
            lines.append(line(for: finding))
        }
        return lines
    }

    private func line(for finding: Finding) -> String {
        let location = "\(finding.position.line):\(finding.position.column)".padding(toLength: 8)
        let severity = paint(
            finding.severity.rawValue.padding(toLength: 7), finding.severity == .danger ? .red : .yellow)
        var subject = finding.object?.description ?? ""
        if let container = finding.container { subject += " container \(container)" }
        let check = paint(finding.checkID, .cyan)
        return "  \(location) \(severity) \(check)  \(subject.isEmpty ? "" : subject + ": ")\(finding.message)"
    }

    private func summary(_ report: CheckReport) -> String {
        let checked = report.files.filter { $0.status == .checked }.count
        let skipped = report.files.count - checked
        let dangers = report.count(.danger)
        let warnings = report.count(.warning)
        let findingFiles = report.findingList.fileCount
        if report.findingList.isEmpty {
            return paint("✓ no findings", .green) + " in \(checked) checked file(s), \(skipped) skipped"
        }
        let mark = dangers > 0 ? paint("✖", .red) : paint("⚠", .yellow)
        return
            "\(mark) \(report.findingList.count) finding(s): \(dangers) danger, \(warnings) warning, in \(findingFiles) file(s); \(checked) checked file(s), \(skipped) skipped"
    }

    private enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case yellow = "33"
        case green = "32"
        case cyan = "36"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
