import Testing

@testable import Policy

/// Globs from repository configuration (`ignorePaths`, exemption `paths`): the same answers as
/// before, and no backtracking on patterns written to make a matcher try every split.
@Suite struct PathPatternTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let path: String
        let matches: Bool
        var testDescription: String { "\(pattern) ~ \(path)" }
    }

    static let cases: [Case] = [
        Case(pattern: "legacy/", path: "legacy/a/b.yaml", matches: true),
        Case(pattern: "legacy/", path: "new/legacy.yaml", matches: false),
        Case(pattern: "**/tests/*.yaml", path: "charts/x/tests/t.yaml", matches: true),
        Case(pattern: "**/tests/*.yaml", path: "tests/t.yaml", matches: true),
        Case(pattern: "**/tests/*.yaml", path: "tests/deeper/t.yaml", matches: false),
        Case(pattern: "apps/*.yaml", path: "apps/sub/x.yaml", matches: false),
        Case(pattern: "apps/*.yaml", path: "apps/x.yaml", matches: true),
        Case(pattern: "apps/*.yaml", path: "team/apps/x.yaml", matches: true),
        Case(pattern: "*.json", path: "deep/folder/file.json", matches: true),
        Case(pattern: "./apps/?.yaml", path: "apps/a.yaml", matches: true),
        Case(pattern: "apps/?.yaml", path: "apps/ab.yaml", matches: false),
        Case(pattern: "a/**/b.yaml", path: "a/b.yaml", matches: true),
        Case(pattern: "a/**/b.yaml", path: "a/x/y/b.yaml", matches: true),
        Case(pattern: "a/**b.yaml", path: "a/x/yb.yaml", matches: true),
        Case(pattern: "a/***/b.yaml", path: "a/x/b.yaml", matches: true),
        Case(pattern: "a/***/b.yaml", path: "a/x/y/b.yaml", matches: true),
        Case(pattern: "a?c", path: "x/a/c", matches: false),
        Case(pattern: "ch*ts", path: "./charts/x.yaml", matches: true),
        Case(pattern: "", path: "", matches: true),
    ]

    @Test(arguments: cases)
    func matchesAsAGlob(_ test: Case) {
        #expect(PathPattern(test.pattern).matches(test.path) == test.matches)
    }

    /// A backtracking matcher tries every way to split the name among the stars: with 12 stars
    /// and 200 characters that is beyond any time (45 to 53 s were measured with fewer).
    @Test func aPatternMadeToBacktrackIsAnsweredByReadingThePathOnce() {
        let pattern = PathPattern(String(repeating: "*a", count: 12) + "*b")
        let name = String(repeating: "a", count: 200)
        var steps = 0
        #expect(!pattern.matches(name, steps: &steps))
        #expect(pattern.matches(name + "b"))
        let deep = PathPattern(String(repeating: "**/a", count: 12) + "**/b")
        let path = Array(repeating: "a", count: 200).joined(separator: "/")
        var deepSteps = 0
        #expect(!deep.matches(path, steps: &deepSteps))
        #expect(deep.matches(path + "/b"))
        // At most two sweeps of the states per character (moves, then skips), for each of the two
        // readings tried (the whole path, then its names or the path under any folder).
        #expect(steps <= 2 * 2 * 26 * 201)
        #expect(deepSteps <= 2 * 2 * 41 * 400)
    }

    @Test(arguments: [1_000, 2_000, 4_000])
    func stepsGrowLinearlyWithThePath(length: Int) {
        let pattern = PathPattern(String(repeating: "*a", count: 12) + "*b")
        var steps = 0
        _ = pattern.matches(String(repeating: "a", count: length), steps: &steps)
        // 26 tokens: each character costs at most one move and one skip per state, twice over.
        #expect(steps <= 2 * 2 * 26 * (length + 1))
        #expect(steps >= length, "every character is read")
    }
}
