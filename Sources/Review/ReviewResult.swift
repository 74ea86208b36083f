import Diffs
import Manifests
import Policy
import Rendering

/// The review the bot will post: inline comments on lines of the change, and the findings that
/// belong in the summary comment.
package struct ReviewResult: Sendable {
    /// A finding on a new-side line of the change.
    package struct Comment: Sendable {
        package var finding: Finding
        /// Always the new side: findings are about the manifests as they will be.
        package var side: String { "RIGHT" }
    }

    /// A finding that cannot sit on a changed line but that the change caused: an untouched
    /// Deployment that lost its PodDisruptionBudget, a binding whose role the change widened.
    package struct SummaryItem: Sendable {
        package var finding: Finding
        /// The changed files the finding results from.
        package var causedBy: [String]
    }

    package var base: String
    package var head: String
    package var mergeBase: String
    package var filter: DiffFilter.Mode
    package var changes: [FileChange]
    package var comments: [Comment]
    package var summary: [SummaryItem]
    /// Files of the head revision that were read, and how each was classified.
    package var files: [CheckReport.FileOutcome]
    package var notes: [String]
    /// Exemption annotations the change adds, counted or not.
    package var addedExemptions: [AddedExemption] = []
    /// The engine the review judged with (the repository's configuration at the base), so fixes
    /// and suggestions judge the same way.
    package var policy: PolicyEngine
    /// Findings on rendered objects, by fingerprint: the edit of the values that fixes each, or why
    /// none can (the field comes from the chart's templates). The fix engine cannot find rendered
    /// objects in the file they land in, so suggestions and `fix` take these instead.
    package var renderedFixes: [String: RenderedFix] = [:]
    /// Checks made at run time (Kyverno rules) and their severities, for SARIF rules.
    package var runtimeChecks: [CheckMetadata] = []
    package var runtimeSeverities: [String: Severity] = [:]

    package enum RenderedFix: Sendable {
        case edit(ValuesFixer.Edit)
        case none(why: String)
    }

    package var reportedFindings: [Finding] { comments.map(\.finding) + summary.map(\.finding) }

    package func fails(at threshold: Severity?) -> Bool {
        guard let threshold else { return false }
        return reportedFindings.contains { $0.severity >= threshold }
    }
}
