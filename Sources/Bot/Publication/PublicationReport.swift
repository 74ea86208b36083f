import Forge
import Policy
import Review

/// What `review --forge` prints: the pull request, the verdict, and what was (or would be) posted.
package enum PublicationReport {
    package static func text(_ result: PullRequestReview.Result, forge: ForgeKind) -> String {
        let pullRequest = result.pullRequest
        let plan = result.plan
        let findings = result.review.reportedFindings
        let danger = findings.filter { $0.severity == .danger }.count
        var lines = [
            "\(forge.changeRequestName.capitalizedFirst) #\(pullRequest.number) \"\(pullRequest.title)\": "
                + "\(pullRequest.baseBranch)@\(result.review.base.prefix(7)) ← \(pullRequest.headBranch)@\(pullRequest.headSHA.prefix(7))",
            "Review: \(findings.count) finding(s), \(danger) danger, in \(result.review.changes.count) changed file(s)",
        ]
        let suggestions = plan.newComments.filter(\.hasSuggestion).count
        let verdict = plan.check.conclusion?.rawValue ?? "pending"
        if let outcome = result.outcome {
            lines.append(
                "Posted \(outcome.postedComments) inline comment(s) (\(suggestions) with suggestions), "
                    + "marked \(outcome.resolvedComments) fixed, summary updated, \(plan.check.name): \(verdict)")
            lines += outcome.notes
        } else {
            lines.append(
                "Dry run: would post \(plan.newComments.count) inline comment(s) (\(suggestions) with suggestions), "
                    + "mark \(plan.fixedComments.count) fixed, update the summary, \(plan.check.name): \(verdict)")
            for new in plan.newComments {
                let range = new.comment.startLine.map { "\($0)-" } ?? ""
                lines.append(
                    "\n--- inline comment on \(new.comment.path):\(range)\(new.comment.line)\n\(new.comment.body)")
            }
            for fixed in plan.fixedComments {
                lines.append("\n--- comment \(fixed.comment.id) becomes\n\(fixed.body)")
            }
            lines.append("\n--- summary comment\n\(plan.summary)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
