/// What a user allows for one dependency: the largest step, a range to stay inside, whether to
/// skip it entirely and whether prereleases count. Decoding fills in the defaults for missing keys.
package struct UpgradePolicy: Sendable, Codable, Hashable {
    /// The largest update type proposed; bigger ones still show as `newestOverall`.
    package var allow: UpdateType
    package var ignore: Bool
    /// A `VersionRange` text; candidates outside it are not proposed.
    package var range: String?
    /// Skip unstable candidates unless the current version is itself unstable (Renovate default).
    package var ignoreUnstable: Bool

    package init(allow: UpdateType = .major, ignore: Bool = false, range: String? = nil, ignoreUnstable: Bool = true) {
        self.allow = allow
        self.ignore = ignore
        self.range = range
        self.ignoreUnstable = ignoreUnstable
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            allow: try container.decodeIfPresent(UpdateType.self, forKey: .allow) ?? .major,
            ignore: try container.decodeIfPresent(Bool.self, forKey: .ignore) ?? false,
            range: try container.decodeIfPresent(String.self, forKey: .range),
            ignoreUnstable: try container.decodeIfPresent(Bool.self, forKey: .ignoreUnstable) ?? true
        )
    }

    /// The parsed range, so configuration loading can report a bad range where it was written.
    package func versionRange() throws -> VersionRange? {
        try range.map { try VersionRange($0) }
    }
}
