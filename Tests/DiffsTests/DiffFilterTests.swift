import Diffs
import Testing

@Suite struct DiffFilterTests {
    static let changes = [
        FileChange(
            path: "apps/web.yaml", kind: .modified,
            hunks: [Hunk(oldStart: 10, oldCount: 7, newStart: 10, newCount: 8)], addedLines: [13...14]),
        FileChange(
            path: "apps/new.yaml", kind: .added, hunks: [Hunk(oldStart: 0, oldCount: 0, newStart: 1, newCount: 3)],
            addedLines: [1...3]),
        FileChange(
            path: "apps/old.yaml", kind: .deleted, hunks: [Hunk(oldStart: 1, oldCount: 4, newStart: 0, newCount: 0)]),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let mode: DiffFilter.Mode
        let path: String
        let line: Int
        let allowed: Bool
        var testDescription: String { "\(mode.rawValue) \(path):\(line) → \(allowed)" }
    }

    @Test(arguments: [
        Case(mode: .added, path: "apps/web.yaml", line: 13, allowed: true),
        Case(mode: .added, path: "apps/web.yaml", line: 12, allowed: false),
        Case(mode: .diffContext, path: "apps/web.yaml", line: 12, allowed: true),
        Case(mode: .diffContext, path: "apps/web.yaml", line: 18, allowed: false),
        Case(mode: .diffContext, path: "apps/web.yaml", line: 17, allowed: true),
        Case(mode: .file, path: "apps/web.yaml", line: 400, allowed: true),
        Case(mode: .file, path: "apps/other.yaml", line: 1, allowed: false),
        Case(mode: .file, path: "apps/old.yaml", line: 1, allowed: false),
        Case(mode: .nofilter, path: "apps/other.yaml", line: 1, allowed: true),
        Case(mode: .added, path: "apps/new.yaml", line: 3, allowed: true),
    ])
    func filterModes(_ example: Case) {
        let filter = DiffFilter(mode: example.mode, changes: Self.changes)
        #expect(filter.allows(path: example.path, line: example.line) == example.allowed)
    }

    @Test func linesFoldIntoRanges() {
        #expect([ClosedRange<Int>].ranges(of: [9, 3, 4, 5, 5, 12, 11]) == [3...5, 9...9, 11...12])
        #expect([ClosedRange<Int>].ranges(of: []).isEmpty)
    }

    @Test func modesHaveReviewdogNames() {
        #expect(DiffFilter.Mode.allCases.map(\.rawValue) == ["added", "diff_context", "file", "nofilter"])
    }
}
