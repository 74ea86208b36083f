import Foundation

// The stand-in's state, kept in one neutral shape for all three forges; each dialect renders it
// as its forge would. Records are classes so handlers can edit them in place; they are only
// touched under `TestForgeState`'s lock.

final class StoredUser {
    let id: Int
    let login: String
    var permission: String
    /// A GitHub custom repository role, which GitHub names in `role_name` while `permission`
    /// says the base role it inherits.
    var customRole: String?
    let isBot: Bool
    /// True for GitHub installation tokens, which GitHub refuses on user-only endpoints.
    let isInstallation: Bool

    init(id: Int, login: String, permission: String, isBot: Bool = false, isInstallation: Bool = false) {
        self.id = id
        self.login = login
        self.permission = permission
        self.isBot = isBot
        self.isInstallation = isInstallation
    }

    /// Permission levels from weakest to strongest, GitHub's names.
    static let levels = ["none", "read", "triage", "write", "maintain", "admin"]

    func has(atLeast level: String) -> Bool {
        (StoredUser.levels.firstIndex(of: permission) ?? 0) >= (StoredUser.levels.firstIndex(of: level) ?? 0)
    }
}

final class StoredRepository {
    let id: Int
    let owner: String
    let name: String
    let cloneURL: String
    let defaultBranch: String
    let createdAt: String
    var isFork = false
    /// Hidden from everyone without a role on it (the forges answer 404 to them).
    var isPrivate = false
    /// Roles on this repository alone (lowercased login → level), over the users' own.
    var roles: [String: String] = [:]
    /// Branch name → commit SHA.
    var branches: [String: String] = [:]

    init(id: Int, owner: String, name: String, cloneURL: String, defaultBranch: String, createdAt: String) {
        self.id = id
        self.owner = owner
        self.name = name
        self.cloneURL = cloneURL
        self.defaultBranch = defaultBranch
        self.createdAt = createdAt
    }

    var fullName: String { "\(owner)/\(name)" }
}

final class StoredLabel {
    let id: Int
    let repository: String
    let name: String
    let color: String

    init(id: Int, repository: String, name: String, color: String) {
        self.id = id
        self.repository = repository
        self.name = name
        self.color = color
    }
}

/// One head commit of a pull request (GitLab calls them versions).
struct StoredVersion {
    var id: Int
    var headSHA: String
    /// The merge base, and the target branch's head when the version was made (GitLab's
    /// `base_commit_sha` and `start_commit_sha`: they differ once the target branch moved on).
    var baseSHA: String
    var startSHA: String
    var createdAt: String
}

final class StoredPullRequest {
    let id: Int
    let number: Int
    let repository: String
    let author: String
    var title: String
    var body: String
    var state = "open"
    var baseBranch: String
    /// The merge base.
    var baseSHA: String
    /// The target branch's head when the newest version was made (GitLab's `start_sha`).
    var startSHA: String
    let headBranch: String
    var headSHA: String
    var files: [TestForgeState.SeededFile]
    /// The repository the head branch lives in, when it is a fork.
    let headRepository: String?
    var maintainerCanModify: Bool
    var draft = false
    var labels: [String] = []
    var versions: [StoredVersion] = []
    let createdAt: String
    var updatedAt: String
    var closedAt: String?

    init(
        id: Int, number: Int, repository: String, author: String, title: String, body: String, baseBranch: String,
        baseSHA: String,
        headBranch: String, headSHA: String, files: [TestForgeState.SeededFile], headRepository: String?,
        maintainerCanModify: Bool, createdAt: String
    ) {
        self.id = id
        self.number = number
        self.repository = repository
        self.author = author
        self.title = title
        self.body = body
        self.baseBranch = baseBranch
        self.baseSHA = baseSHA
        startSHA = baseSHA
        self.headBranch = headBranch
        self.headSHA = headSHA
        self.files = files
        self.headRepository = headRepository
        self.maintainerCanModify = maintainerCanModify
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    func file(_ path: String) -> TestForgeState.SeededFile? { files.first { $0.path == path } }
}

/// Where an inline comment sits in the diff.
struct StoredAnchor {
    var path: String
    var line: Int
    var side: String
    var startLine: Int?
    var startSide: String?
    var position: Int
    var diffHunk: String
    var commitID: String
    var baseSHA: String
}

final class StoredComment {
    enum Kind { case conversation, inline }

    let id: Int
    let kind: Kind
    let repository: String
    let pullRequest: Int
    let author: String
    var body: String
    let createdAt: String
    var updatedAt: String
    let anchor: StoredAnchor?
    var reviewID: Int?
    var inReplyTo: Int?
    /// GitLab discussion id (40 hex digits); every GitLab note belongs to one.
    var discussionID: String?
    var resolved = false
    var resolvedBy: String?
    /// (user login, content or emoji name, id)
    var reactions: [(user: String, content: String, id: Int)] = []

    init(
        id: Int, kind: Kind, repository: String, pullRequest: Int, author: String, body: String, createdAt: String,
        anchor: StoredAnchor?
    ) {
        self.id = id
        self.kind = kind
        self.repository = repository
        self.pullRequest = pullRequest
        self.author = author
        self.body = body
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.anchor = anchor
    }
}

final class StoredReview {
    let id: Int
    let repository: String
    let pullRequest: Int
    let author: String
    var body: String
    var state: String
    let commitID: String
    var submittedAt: String?

    init(
        id: Int, repository: String, pullRequest: Int, author: String, body: String, state: String, commitID: String,
        submittedAt: String?
    ) {
        self.id = id
        self.repository = repository
        self.pullRequest = pullRequest
        self.author = author
        self.body = body
        self.state = state
        self.commitID = commitID
        self.submittedAt = submittedAt
    }
}

struct StoredStatus {
    var id: Int
    var repository: String
    var sha: String
    var state: String
    var context: String
    var description: String?
    var targetURL: String?
    var creator: String
    var createdAt: String
}

final class StoredCheckRun {
    let id: Int
    let repository: String
    var name: String
    let headSHA: String
    var status: String
    var conclusion: String?
    var externalID: String?
    var detailsURL: String?
    var startedAt: String?
    var completedAt: String?
    var title: String?
    var summary: String?
    var text: String?
    /// Every annotation received, across the create call and all updates (GitHub appends them).
    var annotations: [[String: Any]] = []

    init(id: Int, repository: String, name: String, headSHA: String, status: String) {
        self.id = id
        self.repository = repository
        self.name = name
        self.headSHA = headSHA
        self.status = status
    }
}
