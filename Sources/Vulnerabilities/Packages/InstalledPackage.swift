/// One package an image holds, as its database records it: for distribution packages the source
/// package it was built from (advisories of Debian and Alpine name source packages), for Go
/// modules the binary they were linked into.
public struct InstalledPackage: Sendable, Hashable, Codable {
    public var name: String
    public var version: String
    public var sourceName: String?
    public var sourceVersion: String?
    public var kind: PackageKind
    /// The database or binary the package was read from, relative to the image's root.
    public var foundIn: String

    public init(
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
public enum PackageKind: String, Sendable, Hashable, Codable {
    case debian, alpine, rpm, goModule

    public var versionScheme: VersionScheme {
        switch self {
        case .debian: .debian
        case .alpine: .alpine
        case .rpm: .rpm
        case .goModule: .goSemantic
        }
    }
}
