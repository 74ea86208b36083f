import Fixes
import Policy

/// The suggestion offered for a finding: the fix engine fixes that finding alone in the head
/// file, and the lines it changed become the replacement.
public struct SuggestionSource: Sendable {
    private let fixer: FixEngine

    public init(policy: PolicyEngine) {
        fixer = FixEngine(policy: policy)
    }

    public func suggestion(for finding: Finding, in bytes: [UInt8]?) -> Suggestion? {
        guard let bytes, let fixed = fixer.fixing(finding, path: finding.file, bytes: bytes) else { return nil }
        return Suggestion.from(original: bytes, fixed: fixed, findingLine: finding.position.line)
    }
}
