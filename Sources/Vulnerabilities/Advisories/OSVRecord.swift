import Foundation

/// One advisory in the OSV schema (https://ossf.github.io/osv-schema/), the fields a scan reads.
public struct OSVRecord: Sendable, Codable, Hashable {
    public struct Package: Sendable, Codable, Hashable {
        public var ecosystem: String
        public var name: String
    }

    public struct Event: Sendable, Codable, Hashable {
        public var introduced: String?
        public var fixed: String?
        public var lastAffected: String?
        public var limit: String?

        enum CodingKeys: String, CodingKey {
            case introduced, fixed, limit
            case lastAffected = "last_affected"
        }
    }

    public struct Range: Sendable, Codable, Hashable {
        /// ECOSYSTEM, SEMVER (both read) or GIT (commits: not comparable to installed versions).
        public var type: String
        public var events: [Event]
    }

    public struct SeverityScore: Sendable, Codable, Hashable {
        /// CVSS_V2, CVSS_V3, CVSS_V4, Ubuntu...
        public var type: String
        public var score: String
    }

    /// Free-form objects whose `severity` some databases fill (GitHub's "HIGH", Ubuntu's priority).
    public struct SpecificData: Sendable, Codable, Hashable {
        public var severity: String?
    }

    public struct Affected: Sendable, Codable, Hashable {
        public var package: Package?
        public var ranges: [Range]?
        public var versions: [String]?
        public var severity: [SeverityScore]?
        public var ecosystemSpecific: SpecificData?
        public var databaseSpecific: SpecificData?

        enum CodingKeys: String, CodingKey {
            case package, ranges, versions, severity
            case ecosystemSpecific = "ecosystem_specific"
            case databaseSpecific = "database_specific"
        }
    }

    public var id: String
    public var modified: String?
    public var published: String?
    public var withdrawn: String?
    public var aliases: [String]?
    public var summary: String?
    public var details: String?
    public var severity: [SeverityScore]?
    public var affected: [Affected]?
    public var databaseSpecific: SpecificData?

    enum CodingKeys: String, CodingKey {
        case id, modified, published, withdrawn, aliases, summary, details, severity, affected
        case databaseSpecific = "database_specific"
    }
}
