import Testing

@testable import Upgrades

@Suite struct SemVerVersioningTests {
    let semver = SemVerVersioning()

    /// semver.org §11's own example, lowest first.
    static let precedence = [
        "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0",
    ]

    @Test(arguments: zip(precedence, precedence.dropFirst()))
    func precedenceFromSemverOrg(lower: String, higher: String) {
        #expect(semver.compare(lower, higher) < 0)
        #expect(semver.compare(higher, lower) > 0)
    }

    @Test func sortsShuffledExample() {
        #expect(Self.precedence.reversed().sorted { semver.compare($0, $1) < 0 } == Self.precedence)
    }

    @Test func buildMetadataIsIgnoredInOrdering() {
        #expect(semver.compare("1.0.0+build.1", "1.0.0+build.2") == 0)
        #expect(semver.compare("1.0.0+build.9", "1.0.1") < 0)
    }

    @Test func partialVersionsReadMissingNumbersAsZero() {
        #expect(semver.compare("1.2", "1.2.0") == 0)
        #expect(semver.compare("1", "0.9.9") > 0)
        #expect(semver.isCompatible("1.3.0", with: "1.2"))
        #expect(semver.updateType(from: "1.2", to: "1.3.0") == .minor)
    }

    @Test func numbersCompareNumerically() {
        #expect(semver.compare("v1.2.0", "1.10.0") < 0)
        #expect(semver.compare("1.0.0-2", "1.0.0-10") < 0)
        #expect(semver.compare("1.0.0-alpha", "1.0.0-1") > 0)
    }

    @Test(arguments: ["1.2.3", "v1.2.3", "1.2", "1", "1.2.3-rc.1+build.5", "1.2.3-0a", "1.2.3+001", "1.0.0-x-y"])
    func accepts(_ text: String) {
        #expect(semver.isVersion(text))
    }

    @Test(arguments: ["1.2.3.4", "1.2.3-", "1.2.3-01", "1.2.3-a..b", "1.2.x", "latest", "", "1.2.3-al_pha", "1.2.3+"])
    func rejects(_ text: String) {
        #expect(!semver.isVersion(text))
    }

    @Test func stability() {
        #expect(semver.isStable("1.2.3+build"))
        #expect(!semver.isStable("1.2.3-rc.1"))
    }

    @Test func newValueDropsVWhenCurrentHasNone() {
        #expect(semver.newValue(current: "1.2.3", candidate: "v1.3.0") == "1.3.0")
        #expect(semver.newValue(current: "v1.2.3", candidate: "v1.3.0") == "v1.3.0")
    }
}
