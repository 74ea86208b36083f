import Diffs
import Manifests
import Policy
import Rendering

/// The review the bot will post: inline comments on lines of the change, and the findings that
/// belong in the summary comment.
public struct ReviewResult: Sendable {
    /// A finding on a new-side line of the change.
    public struct Comment: Sendable {
        public var finding: Finding
        /// Always the new side: findings are about the manifests as they will be.
        public var side: String { "RIGHT" }
    }

    /// A finding that cannot sit on a changed line but that the change caused: an untouched
    /// Deployment that lost its PodDisruptionBudget, a binding whose role the change widened.
    public struct SummaryItem: Sendable {
        public var finding: Finding
        /// The changed files the finding results from.
        public var causedBy: [String]
    }

    public var base: String
    public var head: String
    public var mergeBase: String
    public var filter: DiffFilter.Mode
    public var changes: [FileChange]
    public var comments: [Comment]
    public var summary: [SummaryItem]
    /// Files of the head revision that were read, and how each was classified.
    public var files: [CheckReport.FileOutcome]
    public var notes: [String]
    /// Exemption annotations the change adds, counted or not.
    public var addedExemptions: [AddedExemption] = []
    /// The engine the review judged with (the repository's configuration at the base), so fixes
    /// and suggestions judge the same way.
    public var policy: PolicyEngine
    /// Findings on rendered objects, by fingerprint: the edit of the values that fixes each, or why
    /// none can (the field comes from the chart's templates). The fix engine cannot find rendered
    /// objects in the file they land in, so suggestions and `fix` take these instead.
    public var renderedFixes: [String: RenderedFix] = [:]
    /// Checks made at run time (Kyverno rules) and their severities, for SARIF rules.
    public var runtimeChecks: [CheckMetadata] = []
    public var runtimeSeverities: [String: Severity] = [:]

    public enum RenderedFix: Sendable {
        case edit(ValuesFixer.Edit)
        case none(why: String)
    }

    public var reportedFindings: [Finding] { comments.map(\.finding) + summary.map(\.finding) }

    public func fails(at threshold: Severity?) -> Bool {
        guard let threshold else { return false }
        return reportedFindings.contains { $0.severity >= threshold }
    }
}
