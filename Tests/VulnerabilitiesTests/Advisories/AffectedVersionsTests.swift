import Testing

@testable import Vulnerabilities

struct AffectedVersionsTests {
    func affected(_ events: [OSVRecord.Event], versions: [String]? = nil) -> OSVRecord.Affected {
        OSVRecord.Affected(package: nil, ranges: [.init(type: "ECOSYSTEM", events: events)], versions: versions)
    }

    @Test func introducedOpensFixedClosesLastAffectedIncludes() {
        let debian = AffectedVersions(scheme: .debian)
        let range = affected([.init(introduced: "0"), .init(fixed: "3.0.11-1~deb12u2")])
        #expect(debian.verdict(range, version: "3.0.9-1") == .affected(fixed: "3.0.11-1~deb12u2"))
        #expect(debian.verdict(range, version: "3.0.11-1~deb12u2") == .notAffected)
        #expect(
            debian.verdict(range, version: "3.0.11-1~deb12u1") == .affected(fixed: "3.0.11-1~deb12u2"),
            "~ sorts before the fix")
        let last = affected([.init(introduced: "1.0"), .init(lastAffected: "1.4")])
        #expect(debian.verdict(last, version: "1.4") == .affected(fixed: nil))
        #expect(debian.verdict(last, version: "1.4.1") == .notAffected)
        #expect(debian.verdict(last, version: "0.9") == .notAffected)
    }

    /// Events in any order, several intervals: the schema sorts them before evaluating.
    @Test func unsortedEventsAndSeveralIntervals() {
        let alpine = AffectedVersions(scheme: .alpine)
        let range = affected([
            .init(fixed: "2.0.3-r0"), .init(introduced: "2.0.0"), .init(fixed: "1.2.5-r1"), .init(introduced: "0"),
        ])
        #expect(alpine.verdict(range, version: "1.2.4-r0") == .affected(fixed: "1.2.5-r1"))
        #expect(alpine.verdict(range, version: "1.3.0-r0") == .notAffected)
        #expect(alpine.verdict(range, version: "2.0.1-r0") == .affected(fixed: "2.0.3-r0"))
        #expect(alpine.verdict(affected([], versions: ["1.0-r0"]), version: "1.0-r0") == .affected(fixed: nil))
    }

    @Test func semverRangesAndUnreadableVersions() {
        let go = AffectedVersions(scheme: .goSemantic)
        let range = OSVRecord.Affected(
            package: nil, ranges: [.init(type: "SEMVER", events: [.init(introduced: "0"), .init(fixed: "0.3.8")])])
        #expect(go.verdict(range, version: "v0.3.7") == .affected(fixed: "0.3.8"))
        #expect(go.verdict(range, version: "v0.3.8") == .notAffected)
        guard case .undecidable = go.verdict(range, version: "not-a-version") else {
            Issue.record("an unreadable version is undecidable")
            return
        }
        let git = OSVRecord.Affected(package: nil, ranges: [.init(type: "GIT", events: [.init(introduced: "0")])])
        #expect(go.verdict(git, version: "v0.1.0") == .notAffected, "commit ranges say nothing about versions")
    }
}
