import Manifests
import Testing

/// The parser's limits apply to every caller by default: too deep, too many aliased nodes, too
/// many bytes are each one syntax error where the limit was passed, and the other documents of
/// the file are still read.
@Suite struct YAMLLimitsTests {
    @Test func blockNestingPastTheLimitIsASyntaxErrorWhereItIsPassed() throws {
        // 5,000 levels of `k:` (`upgrade` crashed on a values file like it).
        let deep = (0..<5_000).map { String(repeating: "  ", count: $0) + "k:" }.joined(separator: "\n")
        let stream = YAMLParser.parse("first: 1\n---\n" + deep + " end\n---\nlast: 2\n")
        let error = try #require(stream.errors.first)
        #expect(stream.errors.count == 1)
        #expect(
            error.position.line == 2 + YAMLLimits.standard.maximumDepth + 1,
            "level N opens on line 2 + N, at its first key")
        #expect(error.problem.contains("nested deeper than 128 levels"))
        #expect(stream.documents.compactMap { $0.root?.entries?.first?.keyText } == ["first", "last"])
    }

    @Test func nestingAtTheLimitIsRead() throws {
        let text = String(repeating: "[", count: 127) + "x" + String(repeating: "]", count: 127)
        let stream = YAMLParser.parse("a: " + text + "\n")
        #expect(stream.errors.isEmpty)
        #expect(stream.documents.first?.root?["a"]?.isSequence == true)
    }

    @Test func anAliasBombIsRefusedAtTheAliasThatPassesTheLimit() throws {
        // 403 bytes that stand for 9^9 nodes: readers that walk the tree (upgrade's values
        // reader) took 1.4 GB on it.
        let bomb = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """
        let stream = YAMLParser.parse(bomb)
        let error = try #require(stream.errors.first)
        #expect(error.position.line == 6, "e stands for 66,430 nodes: the first *e passes 100,000")
        #expect(error.problem.contains("aliases add more than 100000 nodes"))
        #expect(stream.documents.isEmpty)
    }

    @Test func ordinaryAliasesAreRead() throws {
        let stream = YAMLParser.parse(
            """
            defaults: &defaults {cpu: 100m, memory: 64Mi}
            a: *defaults
            b: {<<: *defaults, cpu: 200m}
            """)
        #expect(stream.errors.isEmpty)
        #expect(stream.documents.first?.root?["b", "cpu"]?.string == "200m")
    }

    @Test func aTextOverTheByteLimitIsRefusedWithItsSize() throws {
        #expect(YAMLLimits.standard.maximumBytes == 64 << 20)
        let options = YAMLParseOptions(limits: YAMLLimits(maximumBytes: 16))
        let stream = YAMLParser.parse("a: 1\nb: 2\nc: 3\nd: 4\n", options: options)
        #expect(stream.documents.isEmpty)
        #expect(stream.errors.first?.problem == "the file holds 20 bytes, more than Shipshape's limit of 16 bytes")
        #expect(stream.errors.first?.position.line == 1)
    }
}
