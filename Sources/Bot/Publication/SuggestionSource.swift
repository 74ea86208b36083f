import Fixes
import Manifests
import Policy
import Rendering
import Review

/// The suggestion offered for a finding: the fix engine fixes that finding alone in the head
/// file, and the lines it changed become the replacement.
/// A finding on a rendered object gets the review's fix written into its values instead.
package struct SuggestionSource: Sendable {
    private let fixer: FixEngine
    private let renderedFixes: [String: ReviewResult.RenderedFix]
    /// Checks whose fix builds on others' results (a limit copied from a request): applied last.
    private let runsLast: Set<String>

    package init(policy: PolicyEngine, renderedFixes: [String: ReviewResult.RenderedFix] = [:]) {
        fixer = FixEngine(policy: policy)
        self.renderedFixes = renderedFixes
        runsLast = Set(policy.checks.filter { $0.fix?.runsAfterOthers == true }.map(\.id))
    }

    package func suggestion(for finding: Finding, in bytes: [UInt8]?) -> Suggestion? {
        guard let bytes, let fixed = fixing(finding, in: bytes) else { return nil }
        return Suggestion.from(original: bytes, fixed: fixed, findingLine: finding.position.line)
    }

    /// One suggestion for findings of one file whose own suggestions overlap (a forge applies
    /// only one of several suggestions on the same lines): their fixes applied together, anchored
    /// at the first finding's line, and the fingerprints of the findings it fixes.
    package func combinedSuggestion(for findings: [Finding], in bytes: [UInt8]?) -> (
        suggestion: Suggestion, fixes: Set<String>
    )? {
        guard let bytes, let first = findings.first else { return nil }
        var current = bytes
        var fixes: Set<String> = []
        for finding in findings.filter({ !runsLast.contains($0.checkID) })
            + findings.filter({ runsLast.contains($0.checkID) })
        {
            guard let fixed = fixing(finding, in: current) else { continue }
            current = fixed
            fixes.insert(finding.fingerprint)
        }
        guard let suggestion = Suggestion.from(original: bytes, fixed: current, findingLine: first.position.line) else {
            return nil
        }
        return (suggestion, fixes)
    }

    /// The file with the finding fixed: the fix engine's edit, or for a finding on a rendered
    /// object the review's edit of its values.
    private func fixing(_ finding: Finding, in bytes: [UInt8]) -> [UInt8]? {
        if let rendered = renderedFixes[finding.fingerprint] {
            guard case .edit(let edit) = rendered else { return nil }
            return try? ValuesFixer.apply([edit], source: { _ in bytes })[finding.file]
        }
        return fixer.fixing(finding, path: finding.file, bytes: bytes)
    }
}
