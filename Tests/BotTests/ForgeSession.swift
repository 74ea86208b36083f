import Bot
import Forge
import Foundation
import GitKit
import HTTPKit
import Policy
import Review
import ShipshapeTesting
import Vulnerabilities

/// A pull request on a stand-in forge whose Git side is a real `git http-backend` behind basic
/// auth, and the bot's client for it: what the end-to-end tests drive.
final class ForgeSession: @unchecked Sendable {
    static let repository = "acme/shop"
    static let botToken = "bot-token-0123456789"

    let flavor: TestForgeState.Flavor
    let forge: TestForge
    let scenario: PullRequestScenario
    let cache: URL
    /// Where the forge serves Git (`http://127.0.0.1:PORT` or `git://...`); repositories are `NAME.git` under it.
    let gitURL: String
    private(set) var number = 0

    /// `gitToken`: false serves Git without authentication (git daemon), for bots whose token
    /// only the forge knows (a GitHub App's installation token).
    init(_ flavor: TestForgeState.Flavor, gitToken: Bool = true) throws {
        self.flavor = flavor
        scenario = try PullRequestScenario()
        forge = try TestForge(flavor: flavor)
        cache = FileManager.default.temporaryDirectory.appending(path: "shipshape-cache-\(UUID().uuidString)")
        let gitUser =
            switch flavor {
            case .github: "x-access-token"
            case .gitea: "shipshape-bot"
            case .gitlab: "oauth2"
            }
        let git =
            gitToken
            ? try scenario.fixture.startHTTPServer(token: Self.botToken, user: gitUser)
            : try scenario.fixture.startDaemon()
        forge.state.addUser(login: "shipshape-bot", token: Self.botToken, permission: "write")
        forge.state.addUser(login: "alice", token: "alice-token", permission: "write")
        gitURL = git
        forge.state.addRepository(owner: "acme", name: "shop", cloneURL: git + "/shop.git")
        forge.state.setBranch(repository: Self.repository, name: "main", sha: scenario.baseSHA)
    }

    func shutdown() {
        forge.shutdown()
        scenario.shutdown()
        try? FileManager.default.removeItem(at: cache)
    }

    /// Pushes `files` to the pull request's branch; the first push opens the pull request.
    func push(_ files: [String: String?]) throws {
        let head = try scenario.push(files)
        forge.state.setBranch(repository: Self.repository, name: "pr", sha: head)
        let seeded = try scenario.patches().map {
            TestForgeState.SeededFile(path: $0.path, status: $0.status, patch: $0.patch)
        }
        if number == 0 {
            number = forge.state.openPullRequest(
                repository: Self.repository, author: "alice", title: "Add the web front end",
                baseBranch: "main", baseSHA: scenario.baseSHA, headBranch: "pr", headSHA: head, files: seeded)
        } else {
            forge.state.push(repository: Self.repository, pullRequest: number, headSHA: head, files: seeded)
        }
    }

    func client(
        policy: RetryPolicy = RetryPolicy(baseDelay: .milliseconds(1)), clock: any RetryClock = InstantRetryClock(),
        authentication: ForgeEndpoint.Authentication? = nil
    ) throws -> any Forge {
        let endpoint = ForgeEndpoint(
            kind: flavor.kind, apiRoot: forge.apiRoot, authentication: authentication ?? .token(Self.botToken))
        return try endpoint.forge(
            for: RepositoryID(Self.repository)!, client: HTTPClientFactory.make(policy: policy, clock: clock))
    }

    func review(
        with client: any Forge, settings: PublicationSettings = PublicationSettings(),
        images: ImageVulnerabilityReview? = nil
    ) async throws -> PullRequestReview.Result {
        var engine = ReviewEngine(
            defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations())
        engine.remoteBases = RemoteBaseFetcher(mirrors: MirrorCache(directory: cache.path + "/kustomize-bases"))
        let publisher = ReviewPublisher(forge: client, templates: try CommentTemplates(), settings: settings)
        let job = PullRequestReview(
            forge: client, mirrors: MirrorCache(directory: cache.path), engine: engine, publisher: publisher,
            images: images)
        return try await job.run(number: number, dryRun: false)
    }

    var inlineComments: [[String: Any]] { forge.state.inlineComments(repository: Self.repository, pullRequest: number) }
    var conversationComments: [[String: Any]] {
        forge.state.conversationComments(repository: Self.repository, pullRequest: number)
    }

    /// The latest commit status of the head, in the forge's words.
    func latestStatus(of sha: String) -> String? {
        let latest = forge.state.statuses(repository: Self.repository, sha: sha).first
        return (latest?["state"] ?? latest?["status"]) as? String
    }
}

extension TestForgeState.Flavor {
    var kind: ForgeKind {
        switch self {
        case .github: .github
        case .gitea: .gitea
        case .gitlab: .gitlab
        }
    }
}

/// Rate-limit waits and backoff pass at once; the waits asked for are kept for assertions.
final class InstantRetryClock: RetryClock, @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Duration] = []

    func now() -> Date { Date() }

    func sleep(for duration: Duration) async throws {
        lock.withLock { waits.append(duration) }
    }

    var sleeps: [Duration] { lock.withLock { waits } }
}
