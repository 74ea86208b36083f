import Diffs
import Forge
import GitKit
import Policy
import Review
import Vulnerabilities

/// One review of one pull request, start to end: ask the forge for the pull request, bring the
/// mirror up to date, review base...head from Git objects, then publish (or only plan, for a dry run).
package struct PullRequestReview: Sendable {
    package struct Result: Sendable {
        package var pullRequest: PullRequest
        package var review: ReviewResult
        package var plan: PublicationPlan
        /// nil for a dry run.
        package var outcome: ReviewPublisher.Outcome?
    }

    package let forge: any Forge
    package let mirrors: MirrorCache
    package let engine: ReviewEngine
    package let publisher: ReviewPublisher
    package let filter: DiffFilter.Mode
    /// Scans the images the pull request pins anew; nil: images are not scanned.
    package let images: ImageVulnerabilityReview?

    package init(
        forge: any Forge, mirrors: MirrorCache, engine: ReviewEngine, publisher: ReviewPublisher,
        filter: DiffFilter.Mode = .added, images: ImageVulnerabilityReview? = nil
    ) {
        self.images = images
        self.forge = forge
        self.mirrors = mirrors
        self.engine = engine
        self.publisher = publisher
        self.filter = filter
    }

    package func run(number: Int, dryRun: Bool) async throws -> Result {
        let pullRequest = try await forge.pullRequest(number)
        let base = try pullRequest.requiredBaseSHA()
        let credentials = try await forge.gitCredentials(for: mirrors)
        // Remote kustomize bases on the forge's own host get the bot's token; no other host does.
        let engine = self.engine.trusting(credentials, at: pullRequest.cloneURL)
        let filter = self.filter
        let approved = try await ExemptionApprovals.read(from: forge, number: number)
        // The forge keeps every pull request's head in the base repository (refs/pull/N/head,
        // refs/merge-requests/N/head), so forks need no second remote.
        let scansImages = images != nil
        let (reviewed, headFiles, changedImages) = try await mirrors.withMirror(
            of: pullRequest.cloneURL, credentials: credentials, refspecs: forge.mirrorRefspecs
        ) { mirror, _ in
            let head = (try? mirror.commit(pullRequest.headSHA)) != nil ? pullRequest.headSHA : pullRequest.headRef
            let review = try engine.review(
                ReviewRequest(base: base, head: head, filter: filter, approvedExemptions: approved),
                in: mirror)
            let headCommit = try mirror.commit(review.head)
            var files: [String: [UInt8]] = [:]
            for path in Set(review.comments.map(\.finding.file)) {
                files[path] = try mirror.contents(of: path, at: headCommit)
            }
            let changedImages = scansImages ? try engine.changedImages(in: review, repository: mirror) : []
            return (review, files, changedImages)
        }
        var review = reviewed
        if let images, !changedImages.isEmpty { review.add(await images.review(changedImages)) }
        if dryRun {
            let plan = try await publisher.plan(review, pullRequest: pullRequest) { headFiles[$0] }
            return Result(pullRequest: pullRequest, review: review, plan: plan, outcome: nil)
        }
        let outcome = try await publisher.publish(review, pullRequest: pullRequest) { headFiles[$0] }
        return Result(pullRequest: pullRequest, review: review, plan: outcome.plan, outcome: outcome)
    }
}
