import Forge
import Foundation
import GitKit
import Review

/// Runs the bot's jobs: reviews of pull requests, slash commands, scans of pushes to the
/// default branch and scheduled upgrades.
public struct BotJobHandler: JobHandler {
    public struct JobError: Error, CustomStringConvertible {
        public var description: String
    }

    public let forges: ForgeDirectory
    public let mirrors: MirrorCache
    public let engine: ReviewEngine
    public let templates: CommentTemplates
    public let publication: PublicationSettings
    public let authorizer: CommandAuthorizer
    /// Nil when the service runs no upgrades.
    public let upgrades: UpgradeSetup?
    /// Who the commits of `fix` and `ignore` are by.
    public let committer: Signature

    public init(forges: ForgeDirectory, mirrors: MirrorCache, engine: ReviewEngine, templates: CommentTemplates,
                publication: PublicationSettings, authorizer: CommandAuthorizer, upgrades: UpgradeSetup? = nil,
                committer: Signature = CommandJob.defaultCommitter) {
        self.upgrades = upgrades
        self.committer = committer
        self.forges = forges
        self.mirrors = mirrors
        self.engine = engine
        self.templates = templates
        self.publication = publication
        self.authorizer = authorizer
    }

    public func handle(_ job: JobRecord) async throws {
        let payload = try JobPayload.decode(job.payload)
        guard let kind = payload.forgeKind, let repository = payload.repositoryID else {
            throw JobError(description: "job \(job.id): unknown forge \(payload.forge) or repository \(payload.repository)")
        }
        let forge = try await forges.forge(kind, repository: repository)
        let publisher = ReviewPublisher(forge: forge, templates: templates, settings: publication)
        switch job.kind {
        case .review:
            guard let number = payload.number else { throw JobError(description: "review job \(job.id) names no pull request") }
            let review = PullRequestReview(forge: forge, mirrors: mirrors, engine: engine, publisher: publisher)
            _ = try await review.run(number: number, dryRun: false)
        case .command:
            guard let number = payload.number, let commentID = payload.commentID, let author = payload.author, let body = payload.body else {
                throw JobError(description: "command job \(job.id) lacks its comment")
            }
            let command = CommandJob(forge: forge, mirrors: mirrors, engine: engine, publisher: publisher, authorizer: authorizer, committer: committer)
            let kind = payload.commentKind.flatMap(PostedComment.Kind.init(rawValue:)) ?? .conversation
            _ = try await command.run(number: number, commentID: commentID, commentKind: kind, author: author, body: body,
                                      authorPermission: payload.authorPermission.flatMap(Permission.init(rawValue:)))
        case .scan:
            try await BranchScan(forge: forge, mirrors: mirrors, engine: engine, checkName: publication.checkName)
                .run(revision: payload.headSHA ?? payload.ref)
        case .upgrade:
            guard let upgrades else { throw JobError(description: "upgrade job \(job.id): this service has no upgrade settings") }
            _ = try await upgrades.job(forge: forge, mirrors: mirrors, templates: templates).run()
        }
    }
}
