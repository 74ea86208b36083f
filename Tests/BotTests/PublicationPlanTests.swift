import Diffs
import Forge
import Foundation
import Policy
import Review
import Testing

@testable import Bot

/// Publication decisions on real reviews of real repositories, without a forge: what goes inline,
/// what goes to the summary, what a re-run posts again (nothing) and what it marks fixed.
@Suite struct PublicationPlanTests {
    static let github = ForgeCapabilities(
        checkRuns: true, resolvableThreads: false, maximumCommentLength: 65_536,
        annotationsPerRequest: 50, suggestionFence: .github)
    static let gitlab = ForgeCapabilities(
        checkRuns: false, resolvableThreads: true, maximumCommentLength: 1_000_000,
        annotationsPerRequest: 0, suggestionFence: .gitlab)

    static func plan(
        _ scenario: PullRequestScenario, review: ReviewResult, capabilities: ForgeCapabilities = github,
        botComments: [PostedComment] = [], settings: PublicationSettings = PublicationSettings()
    ) throws -> PublicationPlan {
        PublicationPlan.make(
            review: review, headSHA: review.head, capabilities: capabilities, botComments: botComments,
            templates: try CommentTemplates(), settings: settings, suggestions: SuggestionSource(policy: review.policy),
            headFile: scenario.headFile)
    }

    /// What the forge would list after the plan's comments were posted by `bot`.
    static func posted(_ plan: PublicationPlan, startingAt id: Int = 100) -> [PostedComment] {
        plan.newComments.enumerated().map { index, new in
            PostedComment(
                id: String(id + index), kind: .inline, body: new.comment.body, author: "shipshape[bot]",
                path: new.comment.path, line: new.comment.line)
        }
    }

    @Test func firstReviewCommentsOnAddedLinesWithSuggestionsAndSummarises() throws {
        let scenario = try PullRequestScenario()
        defer { scenario.shutdown() }
        try scenario.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let review = try scenario.review()
        let plan = try Self.plan(scenario, review: review)

        #expect(plan.newComments.count == review.comments.count)
        #expect(
            plan.newComments.allSatisfy {
                $0.comment.path == "apps/shop/web.yaml" && (1...21).contains($0.comment.line)
            })
        let privileged = try #require(plan.newComments.first { $0.finding.checkID == "privilegeEscalationAllowed" })
        #expect(privileged.hasSuggestion)
        #expect(privileged.comment.body.contains("```suggestion\n"))
        // The container's fixes overlap: one suggestion makes them all, the other comments point to it.
        #expect(plan.newComments.filter(\.hasSuggestion).count == 1)
        #expect(plan.newComments.filter { $0.comment.body.contains("fixes this too") }.count == 8)
        #expect(plan.fixedComments.isEmpty)
        #expect(plan.check.conclusion == .failure)
        #expect(plan.check.annotations.count == review.comments.count)
        #expect(plan.summary.hasPrefix(CommentMarkers.summary))

        let rendered =
            ([plan.summary]
            + plan.newComments.map {
                "--- \($0.comment.path):\($0.comment.startLine.map { "\($0)-" } ?? "")\($0.comment.line)\n\($0.comment.body)"
            })
            .joined(separator: "\n\n")
        try Golden.check(rendered, against: "first-review-github.md")
    }

    /// A Kyverno rule's comment and summary line carry the policy's title, as a built-in check's
    /// carry the catalogue's, not the bare id.
    @Test func aKyvernoRuleIsCommentedUnderItsPolicysTitle() throws {
        let scenario = try PullRequestScenario()
        defer { scenario.shutdown() }
        let policy = """
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata:
              name: shop-images
              annotations:
                policies.kyverno.io/title: Images from the shop registry
            spec:
              validationFailureAction: Enforce
              rules:
                - name: shop-registry
                  match: {any: [{resources: {kinds: [Pod]}}]}
                  validate:
                    message: Images come from registry.example.com.
                    pattern: {spec: {containers: [{image: "registry.example.com/*"}]}}
            """
        try scenario.push(["apps/shop/web.yaml": PullRequestScenario.problematic, "policies/images.yaml": policy])
        let review = try scenario.review()
        let plan = try Self.plan(scenario, review: review)

        let comment = try #require(plan.newComments.first { $0.finding.checkID == "kyverno:shop-images/shop-registry" })
        #expect(
            comment.comment.body.contains("Images from the shop registry: shop-registry"), "\(comment.comment.body)")
        #expect(plan.summary.contains("Images from the shop registry: shop-registry"))
        #expect(
            comment.comment.body.contains(
                "annotate the object `shipshape.dev/kyverno.shop-images.shop-registry-exempt: \"<reason>\"`"),
            "the key a rule's id can take, not the id itself: \(comment.comment.body)")
    }

    /// GitHub applies one of several suggestions whose lines overlap and refuses the rest: no two
    /// offered suggestions overlap, and the one that stands for several fixes every finding it claims.
    @Test func overlappingSuggestionsAreMergedIntoOneThatFixesThemAll() throws {
        let scenario = try PullRequestScenario()
        defer { scenario.shutdown() }
        try scenario.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let review = try scenario.review()
        let plan = try Self.plan(scenario, review: review)
        let ranges = plan.newComments.filter(\.hasSuggestion).map {
            ($0.comment.startLine ?? $0.comment.line)...$0.comment.line
        }
        for (index, range) in ranges.enumerated() {
            for other in ranges[(index + 1)...] {
                #expect(!range.overlaps(other), "suggestions on \(range) and \(other) overlap")
            }
        }

        let changes = Dictionary(review.changes.map { ($0.path, $0) }) { first, _ in first }
        let offers = SuggestionOffer.make(
            for: review.comments.map(\.finding), changes: changes, suggestions: SuggestionSource(policy: review.policy),
            headFile: scenario.headFile)
        let combined = try #require(
            offers.values.compactMap { offer -> Suggestion? in
                if case .combined(let suggestion, _) = offer { return suggestion }
                return nil
            }.first)
        let shared = Set(
            offers.compactMap { fingerprint, offer in
                if case .sharedWith = offer { return fingerprint }
                return nil
            })
        var lines = Suggestion.lines(try #require(scenario.headFile("apps/shop/web.yaml")))
        lines.replaceSubrange((combined.startLine - 1)..<combined.endLine, with: combined.replacement)
        let after = review.policy.run(files: [("apps/shop/web.yaml", lines.joined(separator: "\n") + "\n")]).findings
            .map(\.fingerprint)
        #expect(shared.count == 8)
        #expect(shared.isDisjoint(with: after), "the one suggestion fixes every finding that points to it")
    }

    @Test func gitLabSuggestionsCountTheLinesAboveTheComment() throws {
        let scenario = try PullRequestScenario()
        defer { scenario.shutdown() }
        try scenario.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let plan = try Self.plan(scenario, review: try scenario.review(), capabilities: Self.gitlab)
        let suggested = plan.newComments.filter(\.hasSuggestion)
        #expect(!suggested.isEmpty)
        for new in suggested {
            let span = new.comment.line - (new.comment.startLine ?? new.comment.line)
            #expect(new.comment.body.contains("```suggestion:-\(span)+0\n"))
        }
    }

    @Test func aNewPushThatFixesOneFindingAndAddsAnotherPostsOnlyTheNewOne() throws {
        let scenario = try PullRequestScenario()
        defer { scenario.shutdown() }
        try scenario.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let first = try Self.plan(scenario, review: try scenario.review())
        let earlier = Self.posted(first)

        let fixedAndWorse = PullRequestScenario.problematic
            .replacingOccurrences(of: "privileged: true", with: "privileged: false")
            .replacingOccurrences(of: "      containers:\n", with: "      hostNetwork: true\n      containers:\n")
        try scenario.push(["apps/shop/web.yaml": fixedAndWorse])
        let second = try Self.plan(scenario, review: try scenario.review(), botComments: earlier)

        #expect(second.newComments.map(\.finding.checkID) == ["hostNetworkSet"])
        #expect(second.fixedComments.count == 1)
        let fixed = try #require(second.fixedComments.first)
        #expect(CommentMarkers.fingerprint(in: fixed.comment.body)?.hasPrefix("runAsPrivileged|") == true)
        #expect(fixed.body.contains(CommentMarkers.fixed))
        #expect(CommentMarkers.fingerprint(in: fixed.body) == CommentMarkers.fingerprint(in: fixed.comment.body))
        #expect(second.summary.contains("Fixed since the last review"))

        // The third run sees the fixed comment as fixed and the new one as posted: nothing to do.
        let marked =
            earlier.map { comment in
                comment.id == fixed.comment.id
                    ? PostedComment(
                        id: comment.id, kind: .inline, body: fixed.body,
                        author: comment.author, path: comment.path, line: comment.line) : comment
            } + Self.posted(second, startingAt: 500)
        let third = try Self.plan(scenario, review: try scenario.review(), botComments: marked)
        #expect(third.newComments.isEmpty)
        #expect(third.fixedComments.isEmpty)
        #expect(third.summary == second.summary)
    }

    @Test func sixtyFindingsMakeThirtyInlineCommentsAndTheRestGoToTheSummary() throws {
        let scenario = try PullRequestScenario()
        defer { scenario.shutdown() }
        var files: [String: String?] = [:]
        for index in 1...12 {
            files["apps/shop/web-\(index).yaml"] = PullRequestScenario.problematic.replacingOccurrences(
                of: "name: web\n  namespace", with: "name: web-\(index)\n  namespace")
        }
        try scenario.push(files)
        let review = try scenario.review()
        #expect(review.comments.count >= 60)
        let plan = try Self.plan(scenario, review: review)
        #expect(plan.newComments.count == 30)
        #expect(plan.newComments.first?.finding.severity == .danger, "the most severe go inline first")
        #expect(plan.summary.contains("### Not commented inline"))
        let listed = review.comments.count - 30
        let counts = plan.summary.split(separator: "\n").filter { $0.hasPrefix("- `") && $0.contains("` × ") }
            .compactMap { line in
                Int(line.split(separator: "×")[1].split(separator: ":")[0].trimmingCharacters(in: .whitespaces))
            }
        #expect(counts.reduce(0, +) == listed)
    }

    @Test func aSummaryLongerThanTheForgeAllowsIsCutWithTheMarkerKept() throws {
        let scenario = try PullRequestScenario()
        defer { scenario.shutdown() }
        try scenario.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let small = ForgeCapabilities(
            checkRuns: false, resolvableThreads: false, maximumCommentLength: 900, annotationsPerRequest: 50,
            suggestionFence: .github)
        let plan = try Self.plan(scenario, review: try scenario.review(), capabilities: small)
        #expect(plan.summary.count <= 900)
        #expect(plan.summary.hasPrefix(CommentMarkers.summary))
        #expect(plan.summary.contains("The summary was cut here"))
        #expect(
            plan.newComments.allSatisfy {
                $0.comment.body.count <= 900 && CommentMarkers.fingerprint(in: $0.comment.body) != nil
            })
    }
}
