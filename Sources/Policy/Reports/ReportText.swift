internal import FileNames
import Manifests

/// How the machine formats for other tools (SARIF, GitLab Code Quality, GitHub annotations) name
/// a finding and its file.
enum ReportText {
    /// The finding's message after the object (and container) it is about.
    static func message(of finding: Finding) -> String {
        var subject = finding.object?.description ?? ""
        if let container = finding.container { subject += " container \(container)" }
        return subject.isEmpty ? finding.message : "\(subject): \(finding.message)"
    }

    /// The path as CI tools resolve it, relative to the checkout: without a leading `./`; a name
    /// that is not UTF-8 keeps its escapes.
    static func relativePath(_ path: String) -> String {
        var name = Substring(FileName.escaped(path))
        while name.hasPrefix("./") { name = name.dropFirst(2) }
        return String(name)
    }
}
