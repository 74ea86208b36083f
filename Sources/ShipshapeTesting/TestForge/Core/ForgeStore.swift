import Foundation

/// Everything the stand-in forge knows, plus its clock and id counters. Not locked itself:
/// `TestForgeState` serialises every access.
final class ForgeStore {
    /// Separate counters, so ids of different kinds never coincide (as on the real forges,
    /// where a client that mixes them up gets a 404).
    enum IDSpace: Int, CaseIterable {
        case user = 1
        case repository, pullRequest, issueComment, reviewComment, review, status, checkRun, label, reaction, version,
            installation, issue
    }

    let flavor: TestForgeState.Flavor
    /// The server's base URL without a trailing slash.
    let baseURL: String
    /// The address the forge believes it has (GitLab's `external_url`, Gitea's `ROOT_URL`), when
    /// it is not where clients reach it: the forges write their next-page links with it.
    var externalURL: String?
    var linkBaseURL: String { externalURL ?? baseURL }
    var users: [StoredUser] = []
    var tokens: [String: StoredUser] = [:]
    var repositories: [StoredRepository] = []
    var pullRequests: [StoredPullRequest] = []
    var comments: [StoredComment] = []
    var issues: [StoredIssue] = []
    var reviews: [StoredReview] = []
    var statuses: [StoredStatus] = []
    var checkRuns: [StoredCheckRun] = []
    var labels: [StoredLabel] = []
    var app: GitHubAppRegistration?
    /// The OAuth application people sign in to, its codes and the tokens they became.
    var oauth: OAuthRegistration?
    /// Requests counted per token for GitHub's rate-limit headers.
    var requestsPerToken: [String: Int] = [:]
    private var counters: [IDSpace: Int] = [:]
    private var secondsElapsed = 0
    private let epoch = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z

    init(flavor: TestForgeState.Flavor, baseURL: URL) {
        self.flavor = flavor
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        for space in IDSpace.allCases { counters[space] = space.rawValue * 1_000_000 }
    }

    func nextID(_ space: IDSpace) -> Int {
        let id = (counters[space] ?? 0) + 1
        counters[space] = id
        return id
    }

    /// The stand-in's clock: one second passes per event, so timestamps are ordered and repeatable.
    func now() -> String {
        secondsElapsed += 1
        return ForgeStore.iso8601(epoch.addingTimeInterval(TimeInterval(secondsElapsed)))
    }

    var currentEpochSeconds: Int { Int(epoch.timeIntervalSince1970) + secondsElapsed }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    // MARK: Look-ups that answer the way a forge does when something is missing

    func user(login: String) -> StoredUser? { users.first { $0.login.caseInsensitiveCompare(login) == .orderedSame } }

    func repository(_ fullName: String) throws -> StoredRepository {
        guard
            let repository = repositories.first(where: { $0.fullName.caseInsensitiveCompare(fullName) == .orderedSame })
        else {
            throw APIFailure.notFound("Project")
        }
        return repository
    }

    /// `user` as `repository` sees them: their role there, or their own. Nil when the repository
    /// is private and they have no role on it, which every forge answers with 404.
    func viewer(_ user: StoredUser?, on repository: StoredRepository) -> StoredUser? {
        guard let user else { return repository.isPrivate ? nil : user }
        let level = repository.roles[user.login.lowercased()] ?? user.permission
        if repository.isPrivate, level == "none" { return nil }
        return level == user.permission ? user : StoredUser(id: user.id, login: user.login, permission: level)
    }

    func repository(id: Int) throws -> StoredRepository {
        guard let repository = repositories.first(where: { $0.id == id }) else { throw APIFailure.notFound("Project") }
        return repository
    }

    func pullRequest(_ repository: String, _ number: Int) throws -> StoredPullRequest {
        guard
            let pull = pullRequests.first(where: {
                $0.repository.caseInsensitiveCompare(repository) == .orderedSame && $0.number == number
            })
        else {
            throw APIFailure.notFound("Merge Request")
        }
        return pull
    }

    func comment(_ repository: String, id: Int, kind: StoredComment.Kind) throws -> StoredComment {
        guard
            let comment = comments.first(where: {
                $0.id == id && $0.kind == kind && $0.repository.caseInsensitiveCompare(repository) == .orderedSame
            })
        else {
            throw APIFailure.notFound("Note")
        }
        return comment
    }

    func comments(_ repository: String, _ pullRequest: Int, kind: StoredComment.Kind) -> [StoredComment] {
        comments.filter {
            $0.kind == kind && $0.pullRequest == pullRequest
                && $0.repository.caseInsensitiveCompare(repository) == .orderedSame
        }
    }

    /// The repository's label of that name, created (as GitHub, Gitea-by-name and GitLab do) when missing.
    func label(_ repository: String, named name: String) -> StoredLabel {
        if let label = labels.first(where: { $0.repository == repository && $0.name == name }) { return label }
        let palette = ["d73a4a", "0075ca", "cfd3d7", "a2eeef", "7057ff", "008672", "e4e669", "d876e3"]
        let label = StoredLabel(
            id: nextID(.label), repository: repository, name: name, color: palette[labels.count % palette.count])
        labels.append(label)
        return label
    }

    /// Next PR/MR number in the repository: numbers are per repository on every forge, and on
    /// GitHub and Gitea one sequence with the issues.
    func nextNumber(in repository: String) -> Int {
        let issueNumbers = flavor == .gitlab ? [] : issues.filter { $0.repository == repository }.map(\.number)
        return ((pullRequests.filter { $0.repository == repository }.map(\.number) + issueNumbers).max() ?? 0) + 1
    }
}

/// The GitHub App the stand-in knows, and the installation tokens it handed out.
struct GitHubAppRegistration {
    var appID: String
    var installationID: Int
    var verifier: @Sendable (String) -> Bool
    /// The App's URL name; its comments are by `<slug>[bot]`.
    var slug = "shipshape"
    var botLogin: String { slug + "[bot]" }
}
