/// A repository on a forge: `owner/name` (GitLab: the full project path, groups included).
package struct RepositoryID: Sendable, Hashable, CustomStringConvertible {
    package var owner: String
    package var name: String

    package init(owner: String, name: String) {
        self.owner = owner
        self.name = name
    }

    /// Parses `owner/name`; GitLab paths may have several group levels (`group/sub/name`).
    package init?(_ fullName: String) {
        let parts = fullName.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts.contains(where: \.isEmpty) else { return nil }
        owner = parts.dropLast().joined(separator: "/")
        name = parts[parts.count - 1]
    }

    package var fullName: String { owner + "/" + name }
    package var description: String { fullName }
}

/// What the bot needs to know of a repository beyond its name.
package struct RepositoryDetails: Sendable, Equatable {
    package var cloneURL: String
    package var defaultBranch: String

    package init(cloneURL: String, defaultBranch: String) {
        self.cloneURL = cloneURL
        self.defaultBranch = defaultBranch
    }
}
