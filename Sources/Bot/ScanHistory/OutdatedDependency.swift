import Foundation

/// A pinned version the upgrade scan found behind: an add-on's chart or an image.
public struct OutdatedDependency: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case chart, image
    }

    public var kind: Kind
    /// The add-on it belongs to (its upgrade pull request's name).
    public var addOn: String
    /// The chart or image name.
    public var name: String
    public var file: String
    public var line: Int
    public var current: String
    /// The newest version the repository's policy allows; nil when only refused versions are newer.
    public var newestAllowed: String?
    /// The upgrade pull request open for it, if any.
    public var pullRequest: Int?

    public init(
        kind: Kind, addOn: String, name: String, file: String, line: Int, current: String, newestAllowed: String?,
        pullRequest: Int?
    ) {
        self.kind = kind
        self.addOn = addOn
        self.name = name
        self.file = file
        self.line = line
        self.current = current
        self.newestAllowed = newestAllowed
        self.pullRequest = pullRequest
    }
}

/// What the last upgrade scan of a repository found behind, at which commit.
public struct OutdatedReport: Sendable, Equatable {
    public var forge: String
    public var repository: String
    public var commit: String
    public var scannedAt: Date
    public var dependencies: [OutdatedDependency]

    public init(forge: String, repository: String, commit: String, scannedAt: Date, dependencies: [OutdatedDependency])
    {
        self.forge = forge
        self.repository = repository
        self.commit = commit
        self.scannedAt = scannedAt
        self.dependencies = dependencies
    }
}
