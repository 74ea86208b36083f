import Testing

@testable import Upgrades

@Suite struct RegexVersioningTests {
    static let postgresPattern = #"^(?<compatibility>.*)-(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)$"#

    @Test func readsNamedGroups() throws {
        let regex = try RegexVersioning(pattern: Self.postgresPattern)
        let version = try #require(regex.parse("postgresql-1.37.0"))
        #expect(version.release == [1, 37, 0])
        #expect(version.compatibility == "postgresql")
        #expect(!regex.isVersion("postgresql-latest"))
    }

    @Test func compatibilityGroupMustBeEqual() throws {
        let regex = try RegexVersioning(pattern: Self.postgresPattern)
        #expect(regex.isCompatible("postgresql-1.38.0", with: "postgresql-1.37.0"))
        #expect(!regex.isCompatible("mysql-1.38.0", with: "postgresql-1.37.0"))
    }

    @Test func choosesWithinTheCompatibilityGroup() throws {
        let regex = try RegexVersioning(pattern: Self.postgresPattern)
        let choice = VersionSelector.choose(
            current: "postgresql-1.37.0",
            candidates: ["mysql-9.0.0", "postgresql-1.38.2", "postgresql-2.0.0", "postgresql-1.36.0"],
            scheme: regex, policy: UpgradePolicy(allow: .minor)
        )
        #expect(
            choice
                == VersionChoice(
                    newestAllowed: "postgresql-1.38.2", newestOverall: "postgresql-2.0.0", updateType: .minor))
    }

    @Test func prereleaseGroupOrdersNaturallyAndBelowRelease() throws {
        let regex = try RegexVersioning(pattern: #"^(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)(-(?<prerelease>.*))?$"#)
        #expect(regex.compare("1.0.0-rc9", "1.0.0-rc10") < 0)
        #expect(regex.compare("1.0.0-rc10", "1.0.0") < 0)
        #expect(!regex.isStable("1.0.0-rc1"))
        #expect(regex.isStable("1.0.0"))
    }

    @Test func buildGroupExtendsTheRelease() throws {
        let bitnami = try RegexVersioning(
            pattern: #"^(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)(?:-(?<compatibility>.*-r)(?<build>\d+))?$"#)
        #expect(bitnami.compare("1.2.3-debian-12-r10", "1.2.3-debian-12-r9") > 0)
        #expect(bitnami.isCompatible("1.2.4-debian-12-r1", with: "1.2.3-debian-12-r9"))
    }

    @Test func patternWithoutNumberGroupIsRejected() {
        #expect(throws: VersionSyntaxError.self) { try RegexVersioning(pattern: "^(?<compatibility>.*)$") }
    }

    @Test func patternThatDoesNotCompileIsRejected() {
        #expect(throws: VersionSyntaxError.self) { try RegexVersioning(pattern: #"^(?<major>\d+"#) }
    }
}

@Suite struct CaptureGroupNumbersTests {
    @Test func namedGroupsAreNumberedByOpeningParenthesis() {
        let pattern = #"^(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)(-(?<prerelease>.*))?$"#
        let numbers = CaptureGroupNumbers.named(in: pattern, captureGroupCount: 5)
        #expect(numbers == ["major": 1, "minor": 2, "patch": 3, "prerelease": 5])
    }

    @Test func escapedClassAndNonCapturingParenthesesAreNotGroups() {
        let pattern = #"^\((?:v)?(?<major>\d+)[(](?=\d)(?<minor>\d+)\Q(\E(?<=\d)$"#
        #expect(CaptureGroupNumbers.named(in: pattern, captureGroupCount: 2) == ["major": 1, "minor": 2])
    }

    @Test func disagreeingCountFallsBackToNames() {
        #expect(CaptureGroupNumbers.named(in: "(?<major>a)(b)", captureGroupCount: 3) == nil)
        #expect(CaptureGroupNumbers.named(in: "(?x) (?<major>a)", captureGroupCount: 1) == nil)
    }

    @Test func fallbackStillReadsGroups() throws {
        let regex = try RegexVersioning(pattern: #"(?x) ^ (?<major>\d+) \. (?<minor>\d+) $"#)
        #expect(regex.parse("1.2")?.release == [1, 2, 0])
    }
}
