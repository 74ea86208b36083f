import Foundation

/// What the forge holds, rendered as the forge would list it, for the tests' assertions.
extension TestForgeState {
    /// A user's role as `addUser` set it ("admin", "write", ...), nil for an unknown login.
    package func role(of login: String) -> String? {
        locked { store.user(login: login)?.permission }
    }

    package func reviews(repository: String, pullRequest: Int) -> [[String: Any]] {
        locked { dialect.reviews(store, repository: repository, pullRequest: pullRequest) }
    }

    /// GitHub review comments, Gitea review comments, GitLab diff discussions' notes (with
    /// their `resolved` flags where the forge has them).
    package func inlineComments(repository: String, pullRequest: Int) -> [[String: Any]] {
        locked { dialect.inlineComments(store, repository: repository, pullRequest: pullRequest) }
    }

    package func conversationComments(repository: String, pullRequest: Int) -> [[String: Any]] {
        locked { dialect.conversationComments(store, repository: repository, pullRequest: pullRequest) }
    }

    /// The commit's statuses, newest first.
    package func statuses(repository: String, sha: String) -> [[String: Any]] {
        locked { dialect.statuses(store, repository: repository, sha: sha) }
    }

    /// GitHub check runs on the commit, each with an extra `annotations` array holding every
    /// annotation received across the create and update calls.
    package func checkRuns(repository: String, sha: String) -> [[String: Any]] {
        locked { dialect.checkRuns(store, repository: repository, sha: sha) }
    }

    package func pullRequests(repository: String) -> [[String: Any]] {
        locked { dialect.pullRequests(store, repository: repository) }
    }

    package func labels(repository: String, pullRequest: Int) -> [String] {
        locked { (try? store.pullRequest(repository, pullRequest))?.labels ?? [] }
    }

    /// Reaction contents (GitHub, Gitea) or award emoji names (GitLab) on a comment or note.
    package func reactions(repository: String, commentID: Int) -> [String] {
        locked {
            store.comments.first {
                $0.id == commentID && $0.repository.caseInsensitiveCompare(repository) == .orderedSame
            }?
            .reactions.map(\.content) ?? []
        }
    }
}
