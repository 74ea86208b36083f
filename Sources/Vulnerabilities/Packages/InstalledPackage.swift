/// One package an image holds, as its database records it: for distribution packages the source
/// package it was built from (advisories of Debian and Alpine name source packages), for Go
/// modules the binary they were linked into.
package struct InstalledPackage: Sendable, Hashable, Codable {
    package var name: String
    package var version: String
    package var sourceName: String?
    package var sourceVersion: String?
    package var kind: PackageKind
    /// The database or binary the package was read from, relative to the image's root.
    package var foundIn: String

    package init(
        name: String, version: String, sourceName: String? = nil, sourceVersion: String? = nil, kind: PackageKind,
        foundIn: String
    ) {
        self.name = name
        self.version = version
        self.sourceName = sourceName
        self.sourceVersion = sourceVersion
        self.kind = kind
        self.foundIn = foundIn
    }
}

/// Which package manager recorded a package, and so how its versions are ordered.
package enum PackageKind: String, Sendable, Hashable, Codable {
    case debian, alpine, rpm, goModule

    package var versionScheme: VersionScheme {
        switch self {
        case .debian: .debian
        case .alpine: .alpine
        case .rpm: .rpm
        case .goModule: .goSemantic
        }
    }
}
