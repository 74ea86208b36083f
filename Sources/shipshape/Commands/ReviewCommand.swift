import ArgumentParser
import Bot
import Diffs
import Forge
import Foundation
import GitKit
import Policy
import Review
import Vulnerabilities

/// `shipshape review REPO --base A --head B`: the review a pull request would get.
/// `shipshape review --forge KIND --repo OWNER/NAME --pr N`: review that pull request and publish.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the change between two revisions, as the bot reviews a pull request.",
        discussion: """
            REPO is a local repository (work tree or bare) or a remote URL; a remote is mirrored in the
            cache folder (first use clones, later uses fetch only what is new). For HTTPS remotes the
            token is read from the environment variable SHIPSHAPE_GIT_TOKEN, never from the command line.
            The repository's .shipshape.yaml is read from the base revision.
            With --forge, the pull request is read from the forge, its repository mirrored, reviewed and
            the review published: inline comments (with suggestions), one summary comment edited in place,
            and a check run (GitHub App) or commit status. The token comes from $SHIPSHAPE_FORGE_TOKEN
            (or GITHUB_TOKEN, GITEA_TOKEN, GITLAB_TOKEN); --dry-run prints what would be posted.
            Exit status: 0 when nothing at or above --fail-on was reported, 3 when something was, 1 on errors.
            """
    )

    @Argument(help: "A local repository path or a remote URL (not with --forge).")
    var repository: String?

    @Option(help: "The revision the change goes into (a branch, ref or commit).")
    var base: String?

    @Option(help: "The revision with the change (for example refs/pull/7/head).")
    var head: String?

    @OptionGroup(title: "Publishing to a forge") var forge: ForgeOptions

    @OptionGroup var judgement: JudgementOptions

    @Option(
        help:
            "Which findings to report: added (lines the change added), diff_context (inside its hunks), file (anywhere in a changed file) or nofilter."
    )
    var filter: DiffFilter.Mode = .added

    @Option(
        name: .customLong("cache-dir"),
        help:
            "Where remote repositories are mirrored and parsed facts are kept (default: $SHIPSHAPE_CACHE_DIR, else ~/.cache/shipshape)."
    )
    var cacheDirectory: String?

    @OptionGroup(title: "Rendering the charts a change affects") var rendering: RenderFlags

    @OptionGroup(title: "Scanning the images a change pins") var images: ImageReviewOptions

    @Option(
        name: .customLong("charts-config"),
        help:
            "A Shipshape configuration whose upgrades: section has the registry logins and mirrors charts are fetched with (the policy comes from the repository's .shipshape.yaml)."
    )
    var chartsConfig: String?

    func validate() throws {
        if forge.isSet {
            if repository != nil || base != nil || head != nil {
                throw ValidationError(
                    "with --forge the repository, base and head come from the pull request: drop REPO, --base and --head"
                )
            }
        } else if repository == nil || base == nil || head == nil {
            throw ValidationError("give REPO --base A --head B, or --forge KIND --repo OWNER/NAME --pr N")
        }
    }

    func run() async throws {
        let setup = try RunSetup.load(configPath: nil, kubeVersion: judgement.kubernetesVersion)
        let cache = cacheDirectory ?? Self.defaultCacheDirectory
        var engine = ReviewEngine(
            defaults: setup.configuration, deprecations: setup.engine.settings.deprecations,
            kubernetesVersion: judgement.kubernetesVersion,
            facts: FactsCache(directory: cache + "/facts"))
        let (chartRendering, renderNote) = try rendering.rendering(
            cacheFolder: URL(fileURLWithPath: cache + "/upgrades"),
            caBundle: forge.caBundle, settingsFile: chartsConfig)
        engine.rendering = chartRendering
        engine.remoteBases = RemoteBaseFetcher(
            mirrors: MirrorCache(directory: cache + "/kustomize-git"), offline: rendering.offline)
        if let renderNote { FileHandle.standardError.write(Data("note: \(renderNote)\n".utf8)) }
        let imageReview = try images.setup(
            upgrades: try RegistryAccess.settings(configPath: chartsConfig), caBundle: forge.caBundle, cache: cache
        )?.review()
        if forge.isSet {
            let review = try await ForgeReview(
                options: forge, filter: filter, cache: cache, engine: engine, images: imageReview
            ).run(useColor: judgement.color.enabled)
            if review.fails(at: judgement.failOn.severity) { throw ExitCode(3) }
            return
        }
        guard let repository, let base, let head else { return }
        let request = ReviewRequest(base: base, head: head, filter: filter)
        let reviewer = engine
        var review: ReviewResult
        var changedImages: [ChangedImage] = []
        let scansImages = imageReview != nil
        if Self.isRemote(repository) {
            let mirrors = MirrorCache(directory: cache + "/mirrors")
            let token = ProcessInfo.processInfo.environment["SHIPSHAPE_GIT_TOKEN"].map { GitCredentials(token: $0) }
            // Any forge's pull-request heads, so that `refs/pull/7/head` or `refs/merge-requests/7/head` can be named.
            let refspecs =
                Repository.branchAndTagRefspecs + Set(ForgeKind.allCases.map(\.pullRequestHeadsRefspec)).sorted()
            // Remote kustomize bases on the reviewed repository's host get the token; no other host does.
            let trusting = reviewer.trusting(token, at: repository)
            (review, changedImages) = try await mirrors.withMirror(
                of: repository, credentials: token, refspecs: refspecs
            ) { mirror, _ in
                let review = try trusting.review(request, in: mirror)
                return (review, scansImages ? try trusting.changedImages(in: review, repository: mirror) : [])
            }
        } else {
            // On a thread of its own, as the bot's reviews: rendering waits for chart fetches.
            (review, changedImages) = try await MirrorCache.runBlocking {
                let opened = try Repository.open(at: repository)
                let review = try reviewer.review(request, in: opened)
                return (review, scansImages ? try reviewer.changedImages(in: review, repository: opened) : [])
            }
        }
        if let imageReview, !changedImages.isEmpty { review.add(await imageReview.review(changedImages)) }
        let output: String
        switch judgement.format {
        case .text: output = ReviewReport.text(review, useColor: judgement.color.enabled)
        case .json: output = ReviewReport.json(review)
        case .sarif:
            output = SARIFReport.render(
                review.checkReport, checks: setup.configuration.checkMetadata, configuration: setup.configuration)
        case .gitlabCodeQuality: output = GitLabCodeQualityReport.render(review.checkReport)
        case .githubAnnotations: output = GitHubAnnotationsReport.render(review.checkReport)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if review.fails(at: judgement.failOn.severity) { throw ExitCode(3) }
    }

    static func isRemote(_ repository: String) -> Bool {
        repository.contains("://")
            || (repository.contains("@") && repository.contains(":")
                && !FileManager.default.fileExists(atPath: repository))
    }

    static var defaultCacheDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["SHIPSHAPE_CACHE_DIR"] { return directory }
        let base = environment["XDG_CACHE_HOME"] ?? ((environment["HOME"] ?? "/tmp") + "/.cache")
        return base + "/shipshape"
    }
}

extension DiffFilter.Mode: ExpressibleByArgument {}

extension ReviewResult {
    /// The findings the review reports, as the machine formats for other tools take them.
    fileprivate var checkReport: CheckReport {
        CheckReport(
            findings: reportedFindings, files: files, notes: notes, runtimeChecks: runtimeChecks,
            runtimeSeverities: runtimeSeverities)
    }
}
