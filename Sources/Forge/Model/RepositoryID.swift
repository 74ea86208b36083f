/// A repository on a forge: `owner/name` (GitLab: the full project path, groups included).
public struct RepositoryID: Sendable, Hashable, CustomStringConvertible {
    public var owner: String
    public var name: String

    public init(owner: String, name: String) {
        self.owner = owner
        self.name = name
    }

    /// Parses `owner/name`; GitLab paths may have several group levels (`group/sub/name`).
    public init?(_ fullName: String) {
        let parts = fullName.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts.contains(where: \.isEmpty) else { return nil }
        owner = parts.dropLast().joined(separator: "/")
        name = parts[parts.count - 1]
    }

    public var fullName: String { owner + "/" + name }
    public var description: String { fullName }
}

/// What the bot needs to know of a repository beyond its name.
public struct RepositoryDetails: Sendable, Equatable {
    public var cloneURL: String
    public var defaultBranch: String

    public init(cloneURL: String, defaultBranch: String) {
        self.cloneURL = cloneURL
        self.defaultBranch = defaultBranch
    }
}
