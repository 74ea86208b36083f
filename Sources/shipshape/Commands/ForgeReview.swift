import Bot
import Diffs
import Forge
import Foundation
import GitKit
import HTTPKit
import Review
import Vulnerabilities

/// `review --forge`: one pull request, reviewed and published (or, dry, printed).
struct ForgeReview {
    let options: ForgeOptions
    let filter: DiffFilter.Mode
    let cache: String
    let engine: ReviewEngine
    let images: ImageVulnerabilityReview?

    func run(useColor: Bool) async throws -> ReviewResult {
        guard let repository = options.repository.flatMap(RepositoryID.init), let number = options.pullRequest else {
            throw CommandFailure("--forge needs --repo and --pr")
        }
        let client = HTTPClientFactory.make(caBundle: options.caBundle, plainHTTPHosts: try options.plainHTTPHosts())
        let forge = try options.endpoint().forge(for: repository, client: client)
        let settings = PublicationSettings(maximumInlineComments: options.maximumComments)
        let publisher = ReviewPublisher(
            forge: forge, templates: try CommentTemplates(overrides: options.templates), settings: settings)
        let job = PullRequestReview(
            forge: forge,
            mirrors: MirrorCache(directory: cache + "/mirrors", plainHTTPHosts: try options.plainHTTPHosts()),
            engine: engine,
            publisher: publisher, filter: filter, images: images)
        let result = try await job.run(number: number, dryRun: options.dryRun)
        FileHandle.standardOutput.write(Data(PublicationReport.text(result, forge: forge.kind).utf8))
        return result.review
    }
}
