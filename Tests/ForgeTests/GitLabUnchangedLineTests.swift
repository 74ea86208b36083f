import Foundation
import ShipshapeTesting
import Testing

@testable import Forge

/// Inline comments on unchanged lines of a GitLab merge request. GitLab's `doc/api/discussions.md`
/// ("Create a new thread in the merge request diff"): an unchanged line needs both `old_line` and
/// `new_line`, which differ when an earlier hunk moved the line; `new_line` alone is refused with
/// `400 line_code can't be blank`, and GitLab's stand-in refuses it the same way.
@Suite struct GitLabUnchangedLineTests {
    /// Two lines added at the top, so the unchanged line 22 of the new side was line 20.
    static let patch = """
        @@ -1,3 +1,5 @@
         apiVersion: apps/v1
        +kind: Deployment
        +metadata:
         spec:
           replicas: 1
        @@ -19,3 +21,4 @@
         a
         b
        +c
         d
        """

    @Test(arguments: [(22, 20), (21, 19), (24, 21), (25, 22), (1, 1), (4, 2), (10, 8)])
    func theOldSideLineOfAnUnchangedLine(newLine: Int, oldLine: Int) {
        #expect(GitLabOldLines(diff: Self.patch).oldLine(ofNewLine: newLine) == oldLine)
    }

    @Test(arguments: [2, 3, 23])
    func anAddedLineHasNoOldSideLine(newLine: Int) {
        #expect(GitLabOldLines(diff: Self.patch).oldLine(ofNewLine: newLine) == nil)
    }

    @Test func linesAfterAnEmptySideShiftByTheHunk() {
        let insertion = GitLabOldLines(diff: "@@ -5,0 +6,2 @@\n+x\n+y")
        #expect(insertion.oldLine(ofNewLine: 5) == 5)
        #expect(insertion.oldLine(ofNewLine: 8) == 6)
        let deletion = GitLabOldLines(diff: "@@ -6,2 +5,0 @@\n-x\n-y")
        #expect(deletion.oldLine(ofNewLine: 5) == 5)
        #expect(deletion.oldLine(ofNewLine: 6) == 8)
    }

    @Test func commentsOnUnchangedAndAddedLinesAreAllPosted() async throws {
        let standIn = try StandInRepository(.gitlab, bot: "shipshape")
        let forge = standIn.forge
        defer { forge.shutdown() }
        let number = standIn.openPullRequest(files: [
            TestForgeState.SeededFile(path: "deploy/app.yaml", patch: Self.patch)
        ])
        let client = standIn.gitlab(bot: "shipshape")
        let (base, head) = (StandInRepository.base, StandInRepository.head)
        let review = ReviewSubmission(
            commitSHA: head, baseSHA: base, startSHA: base, body: "",
            comments: [
                InlineComment(path: "deploy/app.yaml", line: 22, body: "on an unchanged line"),
                InlineComment(path: "deploy/app.yaml", line: 23, body: "on an added line"),
            ])

        let posted = try await client.postReview(on: number, review)

        #expect(posted.map(\.line) == [22, 23])
        let positions = forge.state.inlineComments(repository: "acme/shop", pullRequest: number).compactMap {
            $0["position"] as? [String: Any]
        }
        #expect(positions.map { $0["new_line"] as? Int } == [22, 23])
        #expect(positions.map { $0["old_line"] as? Int } == [20, nil])
        #expect(forge.violations.isEmpty, "\(forge.violations)")
    }
}
