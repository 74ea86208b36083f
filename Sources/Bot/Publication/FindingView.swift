import Policy
internal import FileNames
import Manifests

/// The words and signs templates use for a finding.
enum FindingView {
    static func icon(_ severity: Severity) -> String {
        switch severity {
        case .danger: "❌"
        case .warning: "⚠️"
        case .ignore: "ℹ️"
        }
    }

    /// `file:line`, the name escaped (a name can hold newlines, or bytes that are not UTF-8).
    static func location(_ finding: Finding) -> String {
        "\(FileName.escaped(finding.file)):\(finding.position.line)"
    }

    static func title(_ checkID: String) -> String {
        Catalogue.check(id: checkID)?.metadata.title ?? checkID
    }

    static func remediation(_ checkID: String) -> String? {
        Catalogue.check(id: checkID)?.metadata.remediation
    }

    /// The check id a fingerprint starts with.
    static func checkID(ofFingerprint fingerprint: String) -> String {
        String(fingerprint.prefix { $0 != "|" })
    }
}
