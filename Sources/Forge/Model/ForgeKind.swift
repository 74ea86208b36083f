/// The forges Shipshape talks to.
package enum ForgeKind: String, Sendable, CaseIterable {
    case github, gitea, gitlab

    /// How the forge names a change request in prose.
    package var changeRequestName: String { self == .gitlab ? "merge request" : "pull request" }

    /// How the forge's comments refer to change request `number` (`#7`; GitLab `!7`, since `#7` is an issue there).
    package func changeRequestReference(_ number: Int) -> String { (self == .gitlab ? "!" : "#") + String(number) }

    /// The one public instance, when the forge has one (github.com); the others are self-hosted
    /// and need their address.
    package var publicInstance: String? { self == .github ? "https://github.com" : nil }

    /// Where the forge keeps a pull request's head commit in the base repository, forks
    /// included: a mirror that fetches these needs no remote per fork.
    package func pullRequestHeadRef(_ number: Int) -> String {
        switch self {
        case .github, .gitea: "refs/pull/\(number)/head"
        case .gitlab: "refs/merge-requests/\(number)/head"
        }
    }

    /// The fetch refspec that mirrors every pull request's head ref.
    package var pullRequestHeadsRefspec: String {
        switch self {
        case .github, .gitea: "+refs/pull/*/head:refs/pull/*/head"
        case .gitlab: "+refs/merge-requests/*/head:refs/merge-requests/*/head"
        }
    }
}

/// What a forge can and cannot do, so the publisher handles the differences instead of hiding them.
package struct ForgeCapabilities: Sendable {
    /// GitHub check runs (with annotations); the others only have commit statuses.
    package var checkRuns: Bool
    /// Inline comments whose thread can be marked resolved through the API (GitLab discussions).
    package var resolvableThreads: Bool
    /// A fixed comment is edited and its thread then resolved too (GitHub, through GraphQL): the
    /// edit is what later runs read, since the forge lists comments without their resolution.
    package var resolvesEditedThreads = false
    /// The longest comment body the forge accepts, in characters.
    package var maximumCommentLength: Int
    /// Annotations per check-run request (GitHub: 50).
    package var annotationsPerRequest: Int
    /// The suggestion fence opener: GitHub and Gitea ```suggestion, GitLab ```suggestion:-0+N.
    package var suggestionFence: SuggestionFence

    package enum SuggestionFence: Sendable { case github, gitlab }

    package init(
        checkRuns: Bool, resolvableThreads: Bool, maximumCommentLength: Int, annotationsPerRequest: Int,
        suggestionFence: SuggestionFence
    ) {
        self.checkRuns = checkRuns
        self.resolvableThreads = resolvableThreads
        self.maximumCommentLength = maximumCommentLength
        self.annotationsPerRequest = annotationsPerRequest
        self.suggestionFence = suggestionFence
    }
}
