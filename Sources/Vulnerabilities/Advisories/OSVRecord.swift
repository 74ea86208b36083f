import Foundation

/// One advisory in the OSV schema (https://ossf.github.io/osv-schema/), the fields a scan reads.
package struct OSVRecord: Sendable, Codable, Hashable {
    package struct Package: Sendable, Codable, Hashable {
        package var ecosystem: String
        package var name: String
    }

    package struct Event: Sendable, Codable, Hashable {
        package var introduced: String?
        package var fixed: String?
        package var lastAffected: String?
        package var limit: String?

        enum CodingKeys: String, CodingKey {
            case introduced, fixed, limit
            case lastAffected = "last_affected"
        }
    }

    package struct Range: Sendable, Codable, Hashable {
        /// ECOSYSTEM, SEMVER (both read) or GIT (commits: not comparable to installed versions).
        package var type: String
        package var events: [Event]
    }

    package struct SeverityScore: Sendable, Codable, Hashable {
        /// CVSS_V2, CVSS_V3, CVSS_V4, Ubuntu...
        package var type: String
        package var score: String
    }

    /// Free-form objects whose `severity` some databases fill (GitHub's "HIGH", Ubuntu's priority).
    package struct SpecificData: Sendable, Codable, Hashable {
        package var severity: String?
    }

    package struct Affected: Sendable, Codable, Hashable {
        package var package: Package?
        package var ranges: [Range]?
        package var versions: [String]?
        package var severity: [SeverityScore]?
        package var ecosystemSpecific: SpecificData?
        package var databaseSpecific: SpecificData?

        enum CodingKeys: String, CodingKey {
            case package, ranges, versions, severity
            case ecosystemSpecific = "ecosystem_specific"
            case databaseSpecific = "database_specific"
        }
    }

    package var id: String
    package var modified: String?
    package var published: String?
    package var withdrawn: String?
    package var aliases: [String]?
    package var summary: String?
    package var details: String?
    package var severity: [SeverityScore]?
    package var affected: [Affected]?
    package var databaseSpecific: SpecificData?

    enum CodingKeys: String, CodingKey {
        case id, modified, published, withdrawn, aliases, summary, details, severity, affected
        case databaseSpecific = "database_specific"
    }
}
