import Testing

@testable import Vulnerabilities

/// Cases from golang.org/x/mod/semver's documented rules (Compare, shorthands, pre-releases).
struct GoSemanticVersionTests {
    @Test(arguments: [
        ("v1.2.3", "1.2.3", 0), ("v1", "v1.0.0", 0), ("v1.2", "v1.2.0", 0), ("v1.0.0-alpha", "v1.0.0", -1),
        ("v1.0.0-alpha", "v1.0.0-alpha.1", -1), ("v1.0.0-alpha.1", "v1.0.0-alpha.beta", -1),
        ("v1.0.0-beta.2", "v1.0.0-beta.11", -1),
        ("v1.0.0-rc.1", "v1.0.0", -1), ("v1.0.0+build", "v1.0.0", 0),
        ("v0.0.0-20230101000000-abcdefabcdef", "v0.0.1", -1),
        ("v1.10.0", "v1.9.9", 1), ("v2.0.0+incompatible", "v2.0.0", 0),
    ])
    func ordersAsXMod(left: String, right: String, expected: Int) throws {
        let (a, b) = (try #require(GoSemanticVersion(left)), try #require(GoSemanticVersion(right)))
        #expect(GoSemanticVersion.compare(a, b) == expected)
        #expect(GoSemanticVersion.compare(b, a) == -expected)
    }

    @Test(arguments: ["v1.02.3", "v1.2.3-01", "v1.2-pre", "1.2.3.4", "v1.2.3-", "vx", "v1.2.3+"])
    func refusesWhatXModRefuses(text: String) {
        #expect(GoSemanticVersion(text) == nil)
    }
}
