import Foundation

/// Gitea's API copies GitHub's shape of a pull request (base/head with repo, sha and ref; user;
/// labels); one model serves both. They differ in the name of "maintainers may push".
struct GitHubShapedPullRequest: Decodable {
    struct Repository: Decodable {
        var fullName: String
        var cloneURL: String

        enum CodingKeys: String, CodingKey {
            case fullName = "full_name"
            case cloneURL = "clone_url"
        }
    }
    struct Base: Decodable {
        var ref: String
        var sha: String
        var repo: Repository
    }
    struct Head: Decodable {
        var ref: String
        var sha: String
        /// Null when the fork the pull request came from was deleted: taken for the base repository.
        var repo: Repository?
    }
    struct Label: Decodable { var name: String }

    var number: Int
    var title: String
    /// Null when the pull request has no description.
    var body: String?
    var state: String
    var user: GitHubShapedAnswers.User
    var base: Base
    var head: Head
    var htmlURL: String
    /// GitHub sends `merged` on single pull requests and `merged_at` everywhere; Gitea both.
    var merged: Bool?
    var mergedAt: String?
    var draft: Bool?
    var labels: [Label]?
    var createdAt: String?
    /// GitHub's name; absent on pull requests from the same repository.
    var maintainerCanModify: Bool?
    /// Gitea's name for the same.
    var allowMaintainerEdit: Bool?

    enum CodingKeys: String, CodingKey {
        case number, title, body, state, user, base, head, merged, draft, labels
        case htmlURL = "html_url"
        case mergedAt = "merged_at"
        case createdAt = "created_at"
        case maintainerCanModify = "maintainer_can_modify"
        case allowMaintainerEdit = "allow_maintainer_edit"
    }

    /// A fork when the head repository is not the base repository (or was deleted); both forges keep
    /// the head commit at refs/pull/{number}/head in the base repository.
    var pullRequest: PullRequest {
        let baseRepo = base.repo
        let sameRepository = head.repo == nil || head.repo?.fullName.lowercased() == baseRepo.fullName.lowercased()
        let isMerged = merged == true || mergedAt != nil
        return PullRequest(
            number: number, title: title, body: body,
            state: isMerged ? .merged : (state == "open" ? .open : .closed),
            author: user.login, baseBranch: base.ref, baseSHA: base.sha, headBranch: head.ref, headSHA: head.sha,
            cloneURL: baseRepo.cloneURL, forkCloneURL: sameRepository ? nil : head.repo?.cloneURL,
            maintainerCanModify: (maintainerCanModify ?? allowMaintainerEdit) == true,
            headRef: ForgeKind.github.pullRequestHeadRef(number), webURL: htmlURL, isDraft: draft == true,
            labels: (labels ?? []).map(\.name), createdAt: createdAt.flatMap(ForgeTimestamp.parse))
    }
}
