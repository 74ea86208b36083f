import Forge
import Foundation
import GitKit
import Review

/// Runs the bot's jobs: reviews of pull requests, slash commands, scans of pushes to the
/// default branch, scheduled upgrades and scheduled image scans.
package struct BotJobHandler: JobHandler {
    package struct JobError: Error, CustomStringConvertible {
        package var description: String
    }

    package let forges: ForgeDirectory
    package let mirrors: MirrorCache
    package let engine: ReviewEngine
    package let templates: CommentTemplates
    package let publication: PublicationSettings
    package let authorizer: CommandAuthorizer
    /// Nil when the service runs no upgrades.
    package let upgrades: UpgradeSetup?
    /// Who the commits of `fix` and `ignore` are by.
    package let committer: Signature
    /// Nil when the service scans no images.
    package let vulnerabilities: VulnerabilitySetup?
    /// Where scans and upgrade scans are kept for the dashboard; nil when it is off.
    package var scanHistory: ScanHistoryRecorder?

    package init(
        forges: ForgeDirectory, mirrors: MirrorCache, engine: ReviewEngine, templates: CommentTemplates,
        publication: PublicationSettings, authorizer: CommandAuthorizer, upgrades: UpgradeSetup? = nil,
        committer: Signature = CommandJob.defaultCommitter, vulnerabilities: VulnerabilitySetup? = nil
    ) {
        self.vulnerabilities = vulnerabilities
        self.upgrades = upgrades
        self.committer = committer
        self.forges = forges
        self.mirrors = mirrors
        var engine = engine
        if engine.remoteBases == nil {
            // Remote kustomize bases in mirrors of their own: a review holds its repository's
            // mirror while it builds, and a base in the same repository must not wait for it.
            engine.remoteBases = RemoteBaseFetcher(
                mirrors: MirrorCache(
                    directory: mirrors.directory + "/kustomize-bases", plainHTTPHosts: mirrors.plainHTTPHosts))
        }
        self.engine = engine
        self.templates = templates
        self.publication = publication
        self.authorizer = authorizer
    }

    package func handle(_ job: JobRecord) async throws {
        let payload: JobPayload
        do {
            payload = try JobPayload.decode(job.payload, kind: job.kind)
        } catch {
            throw JobError(description: "job \(job.id): \(error)")
        }
        let forge = try await forges.forge(payload.forge, repository: payload.repository)
        let publisher = ReviewPublisher(forge: forge, templates: templates, settings: publication)
        switch payload.work {
        case .review(let number, _):
            let review = PullRequestReview(
                forge: forge, mirrors: mirrors, engine: engine, publisher: publisher,
                images: try vulnerabilities?.review())
            _ = try await review.run(number: number, dryRun: false)
        case .command(let request):
            let command = CommandJob(
                forge: forge, mirrors: mirrors, engine: engine, publisher: publisher, authorizer: authorizer,
                committer: committer)
            _ = try await command.run(
                number: request.number, commentID: request.commentID, commentKind: request.commentKind,
                author: request.author,
                body: request.body, authorPermission: request.authorPermission)
        case .scan(let headSHA, let ref):
            var scan = BranchScan(forge: forge, mirrors: mirrors, engine: engine, checkName: publication.checkName)
            scan.imageIssue = vulnerabilities.map {
                ImageVulnerabilityIssue(
                    forge: forge, images: $0, templates: templates, webLinks: forges.endpoint(payload.forge))
            }
            scan.history = scanHistory
            try await scan.run(revision: headSHA ?? ref)
        case .upgrade:
            guard let upgrades else {
                throw JobError(description: "upgrade job \(job.id): this service has no upgrade settings")
            }
            var upgrade = try upgrades.job(forge: forge, mirrors: mirrors, templates: templates)
            upgrade.imageAdvisories = try vulnerabilities?.upgradeAdvisories()
            upgrade.history = scanHistory
            _ = try await upgrade.run()
        case .scanImages:
            guard let vulnerabilities else {
                throw JobError(
                    description: "scan-images job \(job.id): this service has no `vulnerabilities:` settings")
            }
            let issue = ImageVulnerabilityIssue(
                forge: forge, images: vulnerabilities, templates: templates, webLinks: forges.endpoint(payload.forge))
            try await ImageScanJob(mirrors: mirrors, engine: engine, issue: issue).run()
        }
    }
}
