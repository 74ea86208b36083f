import Forge
import Foundation
import Testing

@testable import Bot

@Suite struct SuggestionTests {
    private func bytes(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    @Test func anInsertionIsAnchoredOnTheLineBeforeItAndRepeatsThatLine() throws {
        let original = bytes(["spec:", "  containers:", "  - name: web", "    image: nginx:1.27", "kind: x"])
        let fixed = bytes([
            "spec:", "  containers:", "  - name: web", "    image: nginx:1.27", "    securityContext:",
            "      runAsNonRoot: true", "kind: x",
        ])
        let suggestion = try #require(Suggestion.from(original: original, fixed: fixed, findingLine: 3))
        #expect(suggestion.startLine == 3)
        #expect(suggestion.endLine == 4)
        #expect(
            suggestion.replacement == [
                "  - name: web", "    image: nginx:1.27", "    securityContext:", "      runAsNonRoot: true",
            ])
    }

    @Test func aChangedLineIsReplacedInPlace() throws {
        let original = bytes(["a: 1", "privileged: true", "c: 3"])
        let fixed = bytes(["a: 1", "privileged: false", "c: 3"])
        let suggestion = try #require(Suggestion.from(original: original, fixed: fixed, findingLine: 2))
        #expect(suggestion == Suggestion(startLine: 2, endLine: 2, replacement: ["privileged: false"]))
    }

    @Test func aRemovedLineLeavesAnEmptyReplacement() throws {
        let original = bytes(["a: 1", "hostNetwork: true", "c: 3"])
        let fixed = bytes(["a: 1", "c: 3"])
        let suggestion = try #require(Suggestion.from(original: original, fixed: fixed, findingLine: 2))
        #expect(suggestion == Suggestion(startLine: 2, endLine: 2, replacement: []))
    }

    @Test func aFarAwayFindingLineIsNotPulledIn() throws {
        let original = bytes((1...100).map { "k\($0): v" })
        var changed = (1...100).map { "k\($0): v" }
        changed[89] = "k90: w"
        let suggestion = try #require(Suggestion.from(original: original, fixed: bytes(changed), findingLine: 3))
        #expect(suggestion.startLine == 90 && suggestion.endLine == 90)
        #expect(Suggestion.from(original: original, fixed: original, findingLine: 3) == nil)
    }

    @Test func fencesAreLongerThanAnyBacktickRunAndGitLabCountsLinesAbove() {
        let suggestion = Suggestion(startLine: 3, endLine: 5, replacement: ["a", "b ``` c", "d"])
        let github = SuggestionBlock.render(suggestion, fence: .github)
        #expect(github.hasPrefix("````suggestion\n"))
        #expect(github.hasSuffix("\n````"))
        let gitlab = SuggestionBlock.render(suggestion, fence: .gitlab)
        #expect(gitlab.hasPrefix("````suggestion:-2+0\n"))
        #expect(
            SuggestionBlock.render(Suggestion(startLine: 4, endLine: 4, replacement: ["x"]), fence: .gitlab)
                == "```suggestion:-0+0\nx\n```")
    }
}

@Suite struct CommentLimitTests {
    @Test func aLongBodyIsCutOnALineOutsideAnyFenceWithANote() {
        var lines = ["<!-- marker -->", "intro"]
        lines += ["```yaml"] + (1...200).map { "line \($0)" } + ["```"]
        lines += (1...50).map { "after \($0)" }
        let body = lines.joined(separator: "\n")
        let cut = CommentLimit.fit(body, limit: 1_000, note: "(cut)")
        #expect(cut.count <= 1_000)
        #expect(cut.hasPrefix("<!-- marker -->\nintro"))
        #expect(cut.hasSuffix("\n\n(cut)"))
        let fences = cut.components(separatedBy: "```").count - 1
        #expect(fences % 2 == 0)
        #expect(CommentLimit.fit("short", limit: 1_000, note: "(cut)") == "short")
    }

    /// The forges count code points: 600 letters with a combining accent are 600 characters to
    /// Swift but 1,200 to GitHub and GitLab.
    @Test func theLimitIsCountedInCodePoints() {
        let body = (1...20).map { _ in String(repeating: "e\u{301}", count: 30) }.joined(separator: "\n")
        #expect(body.count < 1_000)
        let cut = CommentLimit.fit(body, limit: 1_000, note: "(cut)")
        #expect(cut.unicodeScalars.count <= 1_000)
        #expect(cut.hasSuffix("\n\n(cut)"))
    }
}
