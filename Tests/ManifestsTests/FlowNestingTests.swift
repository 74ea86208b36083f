import Manifests
import Testing

/// libyaml's time grows with the square of flow nesting (100 KB of `[` took 12 s in `check`).
/// The depth limit stops it at the 129th level: libyaml never reads more than that level and its
/// one-line lookahead (1,024 characters), and the error names the line where the limit was passed.
@Suite struct FlowNestingTests {
    @Test func flowNestingStopsAtTheLimitOnItsLine() throws {
        // 100 KB of `[` took libyaml 12 s; it is stopped at the 129th, on the line it is on.
        let opening = String(repeating: "[", count: 100) + "\n  " + String(repeating: "[", count: 100_000)
        let stream = YAMLParser.parse("items: " + opening + "\n")
        let error = try #require(stream.errors.first)
        #expect(error.position.line == 2)
        #expect(
            error.position.column == 30,
            "levels 2-101 on line 1 (the root mapping is level 1), level 129 is the 28th `[` of line 2")
        #expect(error.problem.contains("nested deeper than 128 levels"))
    }

    @Test func flowMappingsAndSequencesCountTogether() throws {
        let stream = YAMLParser.parse("a: 1\n---\nb: " + String(repeating: "{k: [", count: 50_000) + "\n---\nc: 3\n")
        let error = try #require(stream.errors.first)
        #expect(error.position.line == 3)
        #expect(
            error.position.column == 4 + 5 * 63 + 4,
            "64 `{k: [` pairs reach level 129 (the root mapping is level 1) at the last `[`")
        #expect(
            stream.documents.compactMap { $0.root?.entries?.first?.keyText } == ["a", "c"], "the next document is read")
    }
}
