import Forge
import Foundation
import Policy
import Review

/// Puts a review on a pull request: new inline comments in one review, earlier comments whose
/// finding is gone resolved (or marked fixed where the forge cannot resolve), the summary edited
/// in place, and the verdict as a check run or commit status. Safe to run again at any point.
package struct ReviewPublisher: Sendable {
    package struct Outcome: Sendable {
        package var plan: PublicationPlan
        package var postedComments: Int
        package var resolvedComments: Int
        /// Why inline comments ended up in the summary instead, when the forge refused them.
        package var notes: [String]
    }

    package let forge: any Forge
    package let templates: CommentTemplates
    package let settings: PublicationSettings

    package init(forge: any Forge, templates: CommentTemplates, settings: PublicationSettings = PublicationSettings()) {
        self.forge = forge
        self.templates = templates
        self.settings = settings
    }

    /// What a run would do, from the forge's current comments; posts nothing.
    package func plan(_ review: ReviewResult, pullRequest: PullRequest, headFile: (String) -> [UInt8]?) async throws
        -> PublicationPlan
    {
        plan(review, headFile: headFile, botComments: try await botComments(on: pullRequest.number))
    }

    private func botComments(on number: Int) async throws -> [PostedComment] {
        let bot = try await forge.botLogin()
        return try await forge.comments(on: number).filter { $0.author == bot }
    }

    private func plan(_ review: ReviewResult, headFile: (String) -> [UInt8]?, botComments mine: [PostedComment])
        -> PublicationPlan
    {
        PublicationPlan.make(
            review: review, headSHA: review.head, capabilities: forge.capabilities, botComments: mine,
            templates: templates,
            settings: settings,
            suggestions: SuggestionSource(policy: review.policy, renderedFixes: review.renderedFixes),
            headFile: headFile)
    }

    package func publish(_ review: ReviewResult, pullRequest: PullRequest, headFile: (String) -> [UInt8]?) async throws
        -> Outcome
    {
        let number = pullRequest.number
        // Listed once: the plan and the summary's upsert both work from these.
        let mine = try await botComments(on: number)
        let plan = plan(review, headFile: headFile, botComments: mine)
        var notes: [String] = []
        var posted = 0
        if !plan.newComments.isEmpty {
            let submission = ReviewSubmission(
                commitSHA: review.head, baseSHA: review.mergeBase, startSHA: review.base,
                body: "", comments: plan.newComments.map(\.comment))
            do {
                posted = try await forge.postReview(on: number, submission).count
                if posted == 0 { posted = submission.comments.count }
                CrashPoint.reviewCommented.reached()
            } catch let error as ForgeError where error.statusCode == 422 || error.statusCode == 400 {
                // The forge's idea of the diff differs from ours (an outdated head, say): nothing was
                // posted, the summary still lists every finding.
                notes.append("The forge refused the inline comments (\(error)); they are listed here instead.")
            }
        }
        var resolved = 0
        for fixed in plan.fixedComments {
            if forge.capabilities.resolvableThreads {
                try await forge.resolve(fixed.comment, on: number)
            } else {
                try await forge.updateComment(fixed.comment, on: number, body: fixed.body)
                if forge.capabilities.resolvesEditedThreads {
                    do {
                        try await forge.resolve(fixed.comment, on: number)
                    } catch let error as ForgeError where error.statusCode.map({ (200..<500).contains($0) }) ?? true {
                        // Refused (no GraphQL, a token without the right): the edit stands alone.
                        notes.append(
                            "The forge refused to resolve a fixed comment's thread (\(error)); it is marked fixed instead."
                        )
                    }
                }
            }
            resolved += 1
        }
        var summary = plan.summary
        if !notes.isEmpty {
            summary = summary.replacingOccurrences(
                of: CommentMarkers.summary + "\n",
                with: CommentMarkers.summary + "\n> " + notes.joined(separator: "\n> ") + "\n\n")
        }
        try await forge.upsertComment(on: number, marker: CommentMarkers.summary, body: summary, among: mine)
        CrashPoint.reviewSummarized.reached()
        try await forge.publish(plan.check)
        return Outcome(plan: plan, postedComments: posted, resolvedComments: resolved, notes: notes)
    }
}
