import Forge

/// Where the bot may put a commit for a pull request: the head branch of the same repository,
/// the head branch of a fork whose author allows edits by maintainers, or nowhere (the reply
/// then carries the change as a diff for the author to apply).
package enum PushDestination: Sendable, Equatable {
    case sameRepository(url: String, branch: String)
    case fork(url: String, branch: String)
    case none(reason: String)

    package init(_ pullRequest: PullRequest) {
        let branch = "refs/heads/" + pullRequest.headBranch
        guard let forkURL = pullRequest.forkCloneURL else {
            self = .sameRepository(url: pullRequest.cloneURL, branch: branch)
            return
        }
        if pullRequest.maintainerCanModify {
            self = .fork(url: forkURL, branch: branch)
        } else {
            self = .none(
                reason:
                    "The branch `\(pullRequest.headBranch)` lives in a fork whose author does not allow edits by maintainers, "
                    + "so Shipshape cannot push to it. Apply the diff above, or allow edits by maintainers and ask again."
            )
        }
    }
}
