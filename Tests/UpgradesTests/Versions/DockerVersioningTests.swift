import Testing

@testable import Upgrades

/// Renovate's docker versioning rules (prior-art §4.3), one group of cases per rule.
@Suite struct DockerVersioningTests {
    let docker = DockerVersioning()

    struct Validity: Sendable, CustomTestStringConvertible {
        let tag: String
        let isVersion: Bool
        var testDescription: String { "\(tag) → \(isVersion)" }
    }

    // Rules 1 and 2: what parses, and what is not a version (SHAs, words, bad shapes).
    @Test(arguments: [
        Validity(tag: "1.2.3", isVersion: true),
        Validity(tag: "18.04", isVersion: true),
        Validity(tag: "3", isVersion: true),
        Validity(tag: "v1.2.3", isVersion: true),
        Validity(tag: "1.2.3rc1", isVersion: true),
        Validity(tag: "12.15.0-alpine", isVersion: true),
        Validity(tag: "1.2.3-debian-10-r6", isVersion: true),
        Validity(tag: "1234567", isVersion: true),
        Validity(tag: "123098140293", isVersion: true),
        Validity(tag: "0a1b2C3", isVersion: true),
        Validity(tag: "0a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0", isVersion: true),
        Validity(tag: "abc1234", isVersion: false),
        Validity(tag: "0a1b2c3d", isVersion: false),
        Validity(tag: "0a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d", isVersion: false),
        Validity(tag: "latest", isVersion: false),
        Validity(tag: "stable", isVersion: false),
        Validity(tag: "bookworm", isVersion: false),
        Validity(tag: "", isVersion: false),
        Validity(tag: "v", isVersion: false),
        Validity(tag: "1.2.", isVersion: false),
        Validity(tag: "1.2a.3", isVersion: false),
        Validity(tag: "99999999999999999999", isVersion: false),
    ])
    func parsesOnlyVersions(_ example: Validity) {
        #expect(docker.isVersion(example.tag) == example.isVersion)
    }

    @Test func splitsReleasePrereleaseAndSuffix() throws {
        let tag = try #require(DockerTag("v1.2.3rc1-bookworm-slim"))
        #expect(tag.release == [1, 2, 3])
        #expect(tag.prerelease == "rc1")
        #expect(tag.suffix == "bookworm-slim")
    }

    // Rule 8: a hyphenated "-rc1" is a suffix, not a prerelease.
    @Test func hyphenatedPrereleaseIsASuffix() throws {
        let tag = try #require(DockerTag("1.2.3-rc1"))
        #expect(tag.suffix == "rc1")
        #expect(tag.prerelease.isEmpty)
        #expect(docker.isStable("1.2.3-rc1"))
        #expect(!docker.isCompatible("1.2.4", with: "1.2.3-rc1"))
        #expect(docker.isCompatible("1.2.4-rc1", with: "1.2.3-rc1"))
    }

    struct Compatibility: Sendable, CustomTestStringConvertible {
        let candidate: String
        let current: String
        let isCompatible: Bool
        var testDescription: String { "\(candidate) for \(current) → \(isCompatible)" }
    }

    // Rule 3: same suffix and same number of release components.
    @Test(arguments: [
        Compatibility(candidate: "12.16.1-alpine", current: "12.15.0-alpine", isCompatible: true),
        Compatibility(candidate: "12.16.1", current: "12.15.0-alpine", isCompatible: false),
        Compatibility(candidate: "12.16.1-bullseye", current: "12.15.0-alpine", isCompatible: false),
        Compatibility(candidate: "12.16-alpine", current: "12.15.0-alpine", isCompatible: false),
        Compatibility(candidate: "1.2", current: "1.1", isCompatible: true),
        Compatibility(candidate: "1.2.0", current: "1.1", isCompatible: false),
        Compatibility(candidate: "3.7.0b1", current: "3.7.0", isCompatible: true),
        Compatibility(candidate: "v1.3.0", current: "1.2.3", isCompatible: true),
        Compatibility(candidate: "latest", current: "1.2.3", isCompatible: false),
    ])
    func compatibility(_ example: Compatibility) {
        #expect(docker.isCompatible(example.candidate, with: example.current) == example.isCompatible)
    }

    // Rule 4: the sort Renovate's own tests expect.
    @Test func sortsLikeRenovate() {
        let tags = ["3.7.0", "3.7-alpine", "3.7.0b1", "3.7.0b5", "3.8.0b1-alpine", "3.8.0-alpine", "3.8.2", "3.8.0"]
        let sorted = tags.sorted { docker.compare($0, $1) < 0 }
        #expect(
            sorted == ["3.7.0b1", "3.7.0b5", "3.7.0", "3.7-alpine", "3.8.0b1-alpine", "3.8.0-alpine", "3.8.0", "3.8.2"])
    }

    @Test func shorterIsGreater() {
        #expect(docker.compare("2.1", "2.1.1") > 0)
        #expect(docker.compare("1.2.3", "1.2") < 0)
    }

    @Test func releaseNumbersCompareNumerically() {
        #expect(docker.compare("1.10.0", "1.9.0") > 0)
        #expect(docker.compare("18.04", "18.1") > 0)
        #expect(docker.compare("18.04", "18.4") == 0)
    }

    @Test func prereleaseIsLowerThanRelease() {
        #expect(docker.compare("1.2.3rc1", "1.2.3") < 0)
        #expect(docker.compare("1.2.3rc2", "1.2.3rc1") > 0)
        #expect(docker.compare("1.2.3beta", "1.2.3Alpha") > 0)
    }

    @Test func suffixesSortReverseAlphabetically() {
        #expect(docker.compare("1.2.3", "1.2.3-alpine") > 0)
        #expect(docker.compare("1.2.3-alpine", "1.2.3-bookworm") > 0)
    }

    @Test func nonVersionsSortBelowVersions() {
        #expect(docker.compare("latest", "1.0") < 0)
        #expect(docker.compare("1.0", "latest") > 0)
    }

    // Rule 5: stable means no prerelease; a suffix does not make a tag unstable.
    @Test func stability() {
        #expect(docker.isStable("3.8.0-alpine"))
        #expect(!docker.isStable("3.7.0b1"))
        #expect(!docker.isStable("3.8.0b1-alpine"))
        #expect(!docker.isStable("latest"))
    }

    // Rule 6: keep the file's "v" habit.
    @Test func newValueFollowsTheCurrentV() {
        #expect(docker.newValue(current: "1.2.3", candidate: "v1.3.0") == "1.3.0")
        #expect(docker.newValue(current: "v1.2.3", candidate: "v1.3.0") == "v1.3.0")
        #expect(docker.newValue(current: "v1.2.3", candidate: "1.3.0") == "1.3.0")
        #expect(docker.newValue(current: "12.15.0-alpine", candidate: "12.16.0-alpine") == "12.16.0-alpine")
    }

    @Test func updateTypeIsTheFirstChangedNumber() {
        #expect(docker.updateType(from: "1.2.3", to: "2.0.0") == .major)
        #expect(docker.updateType(from: "1.2.3", to: "1.3.0") == .minor)
        #expect(docker.updateType(from: "1.2.3", to: "1.2.4") == .patch)
        #expect(docker.updateType(from: "1.1", to: "1.2") == .minor)
        #expect(docker.updateType(from: "latest", to: "1.2") == .major)
    }
}
