import Foundation

/// A pinned version the upgrade scan found behind: an add-on's chart or an image.
package struct OutdatedDependency: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        case chart, image
    }

    package var kind: Kind
    /// The add-on it belongs to (its upgrade pull request's name).
    package var addOn: String
    /// The chart or image name.
    package var name: String
    package var file: String
    package var line: Int
    package var current: String
    /// The newest version the repository's policy allows; nil when only refused versions are newer.
    package var newestAllowed: String?
    /// The upgrade pull request open for it, if any.
    package var pullRequest: Int?

    package init(
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
package struct OutdatedReport: Sendable, Equatable {
    package var forge: String
    package var repository: String
    package var commit: String
    package var scannedAt: Date
    package var dependencies: [OutdatedDependency]

    package init(forge: String, repository: String, commit: String, scannedAt: Date, dependencies: [OutdatedDependency])
    {
        self.forge = forge
        self.repository = repository
        self.commit = commit
        self.scannedAt = scannedAt
        self.dependencies = dependencies
    }
}
