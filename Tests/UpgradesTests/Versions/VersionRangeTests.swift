import Testing

@testable import Upgrades

@Suite struct VersionRangeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let range: String
        let version: String
        let contains: Bool
        var testDescription: String { "'\(range)' \(contains ? "contains" : "excludes") \(version)" }
    }

    @Test(arguments: [
        Case(range: ">=1.2.0 <2.0.0", version: "1.2.0", contains: true),
        Case(range: ">=1.2.0 <2.0.0", version: "1.9.9", contains: true),
        Case(range: ">=1.2.0 <2.0.0", version: "2.0.0", contains: false),
        Case(range: ">=1.2.0 <2.0.0", version: "1.1.9", contains: false),
        Case(range: ">=1.2.0, <2.0.0", version: "1.5.0", contains: true),
        Case(range: ">= 1.2.0 < 2.0.0", version: "1.5.0", contains: true),
        Case(range: "~1.2", version: "1.2.9", contains: true),
        Case(range: "~1.2", version: "1.3.0", contains: false),
        Case(range: "~1.2.3", version: "1.2.2", contains: false),
        Case(range: "~1.2.3", version: "1.2.9", contains: true),
        Case(range: "~1", version: "1.9.0", contains: true),
        Case(range: "~1", version: "2.0.0", contains: false),
        Case(range: "~>1.2", version: "1.2.5", contains: true),
        Case(range: "^1.2.3", version: "1.9.0", contains: true),
        Case(range: "^1.2.3", version: "2.0.0", contains: false),
        Case(range: "^1.2.3", version: "1.2.2", contains: false),
        Case(range: "^0.2.3", version: "0.2.9", contains: true),
        Case(range: "^0.2.3", version: "0.3.0", contains: false),
        Case(range: "^0.0.3", version: "0.0.3", contains: true),
        Case(range: "^0.0.3", version: "0.0.4", contains: false),
        Case(range: "^0.0", version: "0.0.9", contains: true),
        Case(range: "^0.0", version: "0.1.0", contains: false),
        Case(range: "^0", version: "0.9.0", contains: true),
        Case(range: "^0", version: "1.0.0", contains: false),
        Case(range: "1.x", version: "1.99.0", contains: true),
        Case(range: "1.x", version: "2.0.0", contains: false),
        Case(range: "1.2.*", version: "1.2.7", contains: true),
        Case(range: "1.2.*", version: "1.3.0", contains: false),
        Case(range: "v1.2.x", version: "1.2.5", contains: true),
        Case(range: "*", version: "99.0.0", contains: true),
        Case(range: "=1.2.3", version: "1.2.3", contains: true),
        Case(range: "=1.2.3", version: "1.2.4", contains: false),
        Case(range: "1.2.3", version: "1.2.3+build", contains: true),
        Case(range: "!=1.2.3", version: "1.2.4", contains: true),
        Case(range: "!=1.2.3", version: "1.2.3", contains: false),
        Case(range: "!=1.x", version: "1.5.0", contains: false),
        Case(range: ">1.2", version: "1.2.9", contains: false),
        Case(range: ">1.2", version: "1.3.0", contains: true),
        Case(range: ">1.2.3", version: "1.2.3", contains: false),
        Case(range: "<=1.2", version: "1.2.9", contains: true),
        Case(range: "<=1.2", version: "1.3.0", contains: false),
        Case(range: "1.2 - 1.4", version: "1.4.9", contains: true),
        Case(range: "1.2 - 1.4", version: "1.5.0", contains: false),
        Case(range: "1.2.3 - 2.3.4", version: "1.2.2", contains: false),
        Case(range: "^1.0.0 || ^3.0.0", version: "3.1.0", contains: true),
        Case(range: "^1.0.0 || ^3.0.0", version: "2.1.0", contains: false),
        Case(range: "^1.2.0", version: "1.3.0-rc.1", contains: false),
        Case(range: "<2.0.0", version: "2.0.0-rc.1", contains: false),
        Case(range: ">=1.3.0-rc.1 <2.0.0", version: "1.3.0-rc.2", contains: true),
        Case(range: ">=1.3.0-rc.1", version: "1.3.0-rc.0", contains: false),
    ])
    func semverContainment(_ example: Case) throws {
        let range = try VersionRange(example.range)
        #expect(range.contains(example.version, scheme: SemVerVersioning()) == example.contains)
    }

    @Test func worksWithDockerTags() throws {
        let docker = DockerVersioning()
        #expect(try VersionRange("~1.2").contains("1.2", scheme: docker))
        #expect(try VersionRange("1.x").contains("1", scheme: docker))
        #expect(try !VersionRange("<2.0.0").contains("2", scheme: docker))
        #expect(try VersionRange(">=1.2.3").contains("1.2.3-alpine", scheme: docker))
        #expect(try !VersionRange(">=1.0.0").contains("1.2.3rc1", scheme: docker))
        #expect(try !VersionRange("*").contains("latest", scheme: docker))
    }

    @Test func worksWithRegexVersions() throws {
        let regex = try RegexVersioning(pattern: RegexVersioningTests.postgresPattern)
        #expect(try VersionRange("^1.0.0").contains("postgresql-1.38.0", scheme: regex))
        #expect(try !VersionRange("^1.0.0").contains("postgresql-2.0.0", scheme: regex))
    }

    @Test(arguments: ["", "   ", ">=", ">=1.2 ||", "1.2.3.4", "=>>1", "abc", "1.2 -", "~1.2.3-", ">= 1.0 <"])
    func rejectsMalformedRanges(_ text: String) {
        #expect(throws: VersionSyntaxError.self) { try VersionRange(text) }
    }

    @Test func errorSaysWhatToWrite() {
        let error = #expect(throws: VersionSyntaxError.self) { try VersionRange(">=1.2 <") }
        #expect(error?.description.contains("'<' has no version after it") == true)
        #expect(error?.description.contains("'~1.2'") == true)
    }
}
