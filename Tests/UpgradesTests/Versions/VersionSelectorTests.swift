import Testing

@testable import Upgrades

@Suite struct VersionSelectorTests {
    func choose(
        _ current: String, _ candidates: [String], scheme: any VersionScheme = DockerVersioning(),
        policy: UpgradePolicy = UpgradePolicy()
    ) -> VersionChoice {
        VersionSelector.choose(current: current, candidates: candidates, scheme: scheme, policy: policy)
    }

    @Test func suffixedTagOnlyMovesWithinItsSuffix() {
        let choice = choose(
            "12.15.0-alpine", ["12.16.0", "13.0.0-alpine", "12.16.1-alpine", "12.16-alpine", "12.17.0-bullseye"])
        #expect(choice.newestOverall == "13.0.0-alpine")
    }

    @Test func precisionIsPreserved() {
        #expect(choose("1.1", ["1.2.0", "1.2", "1.3.0"]).newestOverall == "1.2")
        #expect(choose("1.1", ["1.2.0", "1.3.0"]).newestOverall == nil)
    }

    @Test(arguments: ["latest", "abc1234", "stable"])
    func nonVersionCurrentChoosesNothing(_ current: String) {
        #expect(choose(current, ["1.0", "2.0.0"]) == VersionChoice())
    }

    @Test func unstableCandidatesSkippedForStableCurrent() {
        #expect(choose("1.2.3", ["1.2.4rc1"]).newestOverall == nil)
        #expect(choose("1.2.3", ["1.2.4rc1", "1.2.4"]).newestOverall == "1.2.4")
    }

    @Test func unstableCandidatesConsideredForUnstableCurrent() {
        #expect(choose("1.2.3rc1", ["1.2.3rc2", "1.2.2"]).newestOverall == "1.2.3rc2")
    }

    @Test func ignoreUnstableOffAdmitsPrereleases() {
        #expect(choose("1.2.3", ["1.2.4rc1"], policy: UpgradePolicy(ignoreUnstable: false)).newestOverall == "1.2.4rc1")
    }

    @Test func hyphenatedRcOnlyMovesToOtherRc1Tags() {
        #expect(choose("1.2.3-rc1", ["1.2.3", "1.2.4", "1.2.4-rc1", "1.3.0-rc2"]).newestOverall == "1.2.4-rc1")
    }

    @Test func allowMinorExcludesMajorsButReportsThem() {
        let choice = choose(
            "1.2.3", ["2.0.0", "1.3.0", "1.2.9", "1.3.1", "3.1.0"], policy: UpgradePolicy(allow: .minor))
        #expect(choice == VersionChoice(newestAllowed: "1.3.1", newestOverall: "3.1.0", updateType: .minor))
    }

    @Test func allowPatchKeepsMinor() {
        let choice = choose("1.2.3", ["2.0.0", "1.3.0", "1.2.9", "1.2.10"], policy: UpgradePolicy(allow: .patch))
        #expect(choice == VersionChoice(newestAllowed: "1.2.10", newestOverall: "2.0.0", updateType: .patch))
    }

    @Test func majorUpdateReportsItsType() {
        #expect(
            choose("1.2.3", ["2.0.0", "1.3.0"])
                == VersionChoice(newestAllowed: "2.0.0", newestOverall: "2.0.0", updateType: .major))
    }

    @Test func rangeLimitsAllowedOnly() {
        let choice = choose(
            "1.2.3", ["1.2.4", "1.9.0", "2.0.0", "2.5.0"], policy: UpgradePolicy(range: ">=1.2.0 <2.0.0"))
        #expect(choice == VersionChoice(newestAllowed: "1.9.0", newestOverall: "2.5.0", updateType: .minor))
    }

    @Test func unparsableRangeAllowsNothing() {
        let choice = choose("1.2.3", ["1.3.0"], policy: UpgradePolicy(range: ">="))
        #expect(choice == VersionChoice(newestAllowed: nil, newestOverall: "1.3.0", updateType: nil))
    }

    @Test func ignoredDependencyChoosesNothing() {
        #expect(choose("1.2.3", ["2.0.0"], policy: UpgradePolicy(ignore: true)) == VersionChoice())
    }

    @Test func nothingGreaterChoosesNothing() {
        #expect(choose("1.2.3", ["1.2.3", "1.2.2", "1.0.0"]) == VersionChoice())
    }

    @Test func duplicatesAndOrderDoNotMatter() {
        let tags = ["1.4.0", "1.3.0", "1.4.0", "18", "1.10.0", "1.4.0"]
        #expect(choose("1.2.3", tags).newestOverall == "1.10.0")
        #expect(choose("1.2.3", tags.reversed()).newestOverall == "1.10.0")
    }

    @Test func equalVersionsSpelledDifferentlyResolveTheSameWay() {
        #expect(choose("18.01", ["18.4", "18.04"]).newestOverall == choose("18.01", ["18.04", "18.4"]).newestOverall)
    }

    @Test func returnsTheTagAsListed() {
        #expect(choose("1.2.3", ["v1.3.0"]).newestAllowed == "v1.3.0")
    }

    @Test func helmPartialVersionMovesToFullVersion() {
        #expect(choose("1.2", ["1.3.0", "1.2.0"], scheme: SemVerVersioning()).newestOverall == "1.3.0")
    }

    @Test func choosesAmongTenThousandTags() {
        var tags: [String] = []
        for major in 0..<10 {
            for minor in 0..<40 { for patch in 0..<25 { tags.append("\(major).\(minor).\(patch)-alpine") } }
        }
        let choice = choose("1.2.3-alpine", tags.shuffled(), policy: UpgradePolicy(allow: .minor))
        #expect(
            choice
                == VersionChoice(newestAllowed: "1.39.24-alpine", newestOverall: "9.39.24-alpine", updateType: .minor))
    }

    /// What the search for a tag with fewer vulnerabilities walks: every allowed candidate, nearest
    /// first, each version once in the spelling `choose` keeps; the last is `newestAllowed`.
    @Test(arguments: [
        (
            "1.2.3", ["2.0.0", "1.3.0", "1.2.9", "1.2.10", "1.2.4rc1", "1.3.1", "1.2.2", "1.3.0"],
            UpgradePolicy(allow: .minor),
            ["1.2.9", "1.2.10", "1.3.0", "1.3.1"]
        ),
        ("1.1", ["1.3", "1.2.0", "1.2", "1.02", "0.9"], UpgradePolicy(), ["1.2", "1.3"]),
        ("1.2.3", ["1.2.4", "1.9.0", "2.0.0"], UpgradePolicy(range: ">=1.2.0 <2.0.0"), ["1.2.4", "1.9.0"]),
        ("1.2.3", ["2.0.0"], UpgradePolicy(ignore: true), []),
        ("latest", ["1.0"], UpgradePolicy(), []),
    ])
    func allowedCandidatesNearestFirst(current: String, candidates: [String], policy: UpgradePolicy, expected: [String])
    {
        let allowed = VersionSelector.allowed(
            current: current, candidates: candidates, scheme: DockerVersioning(), policy: policy)
        #expect(allowed == expected)
        #expect(allowed.last == choose(current, candidates, policy: policy).newestAllowed)
    }
}
