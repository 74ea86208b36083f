internal import FileNames
import Manifests
import Policy
import Review

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

    /// The catalogue's title, or that of a check the review made at run time (a Kyverno rule, a
    /// custom check); the id when neither knows it.
    static func title(_ checkID: String, runtime: [CheckMetadata] = []) -> String {
        metadata(checkID, runtime: runtime)?.title ?? checkID
    }

    static func remediation(_ checkID: String, runtime: [CheckMetadata] = []) -> String? {
        metadata(checkID, runtime: runtime)?.remediation
    }

    private static func metadata(_ checkID: String, runtime: [CheckMetadata]) -> CheckMetadata? {
        runtime.first { $0.id == checkID } ?? Catalogue.check(id: checkID)?.metadata
    }

    /// The check id a fingerprint starts with.
    static func checkID(ofFingerprint fingerprint: String) -> String {
        String(fingerprint.prefix { $0 != "|" })
    }
}

extension ReviewResult {
    /// The checks this review's configuration and tree defined (Polaris custom checks, Kyverno
    /// rules), whose titles the catalogue does not know.
    var checksDefinedAtRunTime: [CheckMetadata] {
        policy.configuration.customChecks.map(\.metadata) + runtimeChecks
    }
}
