import Fixes
import Policy
import Rendering
import Review
import Manifests

/// The suggestion offered for a finding: the fix engine fixes that finding alone in the head
/// file, and the lines it changed become the replacement.
/// A finding on a rendered object gets the review's fix written into its values instead.
public struct SuggestionSource: Sendable {
    private let fixer: FixEngine
    private let renderedFixes: [String: ReviewResult.RenderedFix]

    public init(policy: PolicyEngine, renderedFixes: [String: ReviewResult.RenderedFix] = [:]) {
        fixer = FixEngine(policy: policy)
        self.renderedFixes = renderedFixes
    }

    public func suggestion(for finding: Finding, in bytes: [UInt8]?) -> Suggestion? {
        guard let bytes else { return nil }
        if let rendered = renderedFixes[finding.fingerprint] {
            guard case .edit(let edit) = rendered, let fixed = try? ValuesFixer.apply([edit], source: { _ in bytes })[finding.file] else { return nil }
            return Suggestion.from(original: bytes, fixed: fixed, findingLine: finding.position.line)
        }
        guard let fixed = fixer.fixing(finding, path: finding.file, bytes: bytes) else { return nil }
        return Suggestion.from(original: bytes, fixed: fixed, findingLine: finding.position.line)
    }
}
