import Foundation
import Manifests
import Testing

@Suite struct YAMLParserTests {
    @Test func everyNodeKnowsItsLineAndColumn() throws {
        let stream = YAMLParser.parse(
            """
            # comment
            a:
              b: [1, two]
              c:
                - name: x
            """)
        let root = try #require(stream.documents.first?.root)
        #expect(root.entry("a")?.key.start == SourcePosition(line: 2, column: 1, offset: 10))
        let b = try #require(root["a", "b"])
        #expect(b.start.line == 3 && b.start.column == 6)
        #expect(b.items?[1].string == "two")
        #expect(b.items?[1].start.column == 10)
        let item = try #require(root["a", "c"]?.items?.first)
        #expect(item.start.line == 5 && item.start.column == 7, "a sequence item's mapping starts at its first key")
    }

    @Test func multipleDocumentsAreNumbered() {
        let stream = YAMLParser.parse("a: 1\n---\n# only a comment\n---\nb: 2\n")
        #expect(stream.documents.map(\.index) == [0, 1, 2])
        #expect(stream.documents.map { $0.root == nil } == [false, true, false])
        #expect(stream.documents[2].root?["b"]?.int == 2)
    }

    @Test func aBrokenDocumentDoesNotHideTheOthers() {
        let stream = YAMLParser.parse("a: 1\n---\nb: [2\n---\nc: 3\n---\nd: : :\n---\ne: 5\n")
        #expect(stream.errors.count == 2)
        #expect(stream.errors.first?.position.line == 3, "an unclosed flow sequence is reported where it opens")
        let keys = stream.documents.compactMap { $0.root?.entries?.first?.keyText }
        #expect(keys == ["a", "c", "e"])
        #expect(
            stream.documents.last?.root?.entry("e")?.key.start.line == 9, "lines after a restart stay true to the file")
    }

    @Test func anchorsAliasesAndMergeKeysResolve() throws {
        let stream = YAMLParser.parse(
            """
            base: &base {cpu: 100m, memory: 64Mi}
            other: *base
            merged:
              <<: *base
              memory: 128Mi
            """)
        let root = try #require(stream.documents.first?.root)
        #expect(root["other", "cpu"]?.string == "100m")
        #expect(root["merged", "memory"]?.string == "128Mi", "a key of the mapping wins over a merged one")
        #expect(root["merged", "cpu"]?.string == "100m")
        #expect(root["other"]?.start.line == 2, "an alias is positioned where it is used")
    }

    @Test func anUndefinedAliasIsASyntaxError() {
        let stream = YAMLParser.parse("a: *missing\n")
        #expect(stream.errors.first?.problem.contains("undefined alias") == true)
    }

    @Test func jsonIsRead() throws {
        let stream = YAMLParser.parse(
            "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Pod\",\n\t\"spec\": {\"hostIPC\": true}\n}\n")
        #expect(stream.errors.isEmpty)
        let root = try #require(stream.documents.first?.root)
        #expect(root["spec", "hostIPC"]?.bool == true)
        #expect(root.entry("kind")?.key.start.line == 3)
    }

    @Test func scalarsAreInterpretedLikeKubernetesDoes() throws {
        let root = try #require(
            YAMLParser.parse("a: true\nb: \"true\"\nc: ~\nd: 0x1\ne: 42\nf: yes\n").documents.first?.root)
        #expect(root["a"]?.bool == true)
        #expect(root["b"]?.bool == nil, "a quoted string is not a boolean")
        #expect(root["b"]?.scalar?.isTrueLike == true)
        #expect(root["c"]?.isNull == true)
        #expect(root["e"]?.int == 42)
        #expect(root["f"]?.bool == true, "YAML 1.1 booleans, as go-yaml reads them")
    }

    @Test func crlfLineEndingsKeepPositions() throws {
        let root = try #require(YAMLParser.parse("a: 1\r\nb:\r\n  c: 2\r\n").documents.first?.root)
        let c = try #require(root["b", "c"])
        #expect(c.start.line == 3 && c.start.column == 6)
    }

    @Test func skippedSpecsAreReadButNotBuilt() throws {
        let options = YAMLParseOptions(skipSpecOfKinds: ["CustomResourceDefinition"])
        let crd =
            "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: a}\nspec:\n  group: x\n  names: [a, b]\nstatus: {}\n"
        let root = try #require(YAMLParser.parse(crd, options: options).documents.first?.root)
        #expect(root["spec"] == nil)
        #expect(root["metadata", "name"]?.string == "a")
        #expect(root["status"] != nil, "keys after the skipped value are still built")
        let other = try #require(
            YAMLParser.parse(
                crd.replacingOccurrences(of: "CustomResourceDefinition", with: "Deployment"), options: options
            ).documents.first?.root)
        #expect(other["spec", "group"]?.string == "x")
        let broken = YAMLParser.parse(
            crd.replacingOccurrences(of: "names: [a, b]", with: "names: [a, b"), options: options)
        #expect(broken.errors.count == 1, "a syntax error inside a skipped spec is still found")
    }

    @Test func tagsAndStylesAreKeptAndAliasesShareThem() throws {
        let root = try #require(
            YAMLParser.parse("a: !!null x\nb: &s !!str 10\nc: *s\nd: 'q'\ne: |\n  line\n").documents.first?.root)
        #expect(root["a"]?.isNull == true, "the null tag makes any text null")
        #expect(root["a"]?.string == nil)
        #expect(root["b"]?.scalar?.tag == "tag:yaml.org,2002:str")
        #expect(root["c"]?.scalar == YAMLScalar(text: "10", style: .plain, tag: "tag:yaml.org,2002:str"))
        #expect(root["c"]?.int == 10)
        #expect(root["d"]?.scalar?.style == .singleQuoted)
        #expect(root["e"]?.scalar == YAMLScalar(text: "line\n", style: .literal))
    }

    @Test func mergeKeysTakeMappingsAndSequencesOfMappingsInOrder() throws {
        let root = try #require(
            YAMLParser.parse(
                """
                one: &one {a: 1, b: 1}
                two: &two {b: 2, c: 2}
                both:
                  <<: [*one, *two]
                  c: 3
                """
            ).documents.first?.root)
        let both = try #require(root["both"])
        #expect(
            both.entries?.compactMap(\.keyText) == ["c", "a", "b"],
            "own keys first, then merged keys not already present")
        #expect(both["b"]?.int == 1, "an earlier merge source wins")
        #expect(both["c"]?.int == 3, "the mapping's own key wins")
        #expect(both.entries?.count == 3)
    }

    @Test func contentListsChildrenInOrder() throws {
        let root = try #require(YAMLParser.parse("list: [x, {k: v}, [1]]\n").documents.first?.root)
        guard case .sequence(let items) = root["list"]?.content else {
            Issue.record("a flow sequence reads as a sequence")
            return
        }
        #expect(items.count == 3)
        #expect(items[0].string == "x")
        #expect(items[1]["k"]?.string == "v")
        #expect(items[2].items?.first?.int == 1)
        #expect(items[2].start.column == 19)
        #expect(root["list"]?.end.column == 23)
    }

    /// A collection's anchor is defined when the collection closes, and an alias to a collection
    /// in a key's place is a complex key, as a collection written there would be.
    @Test(arguments: [
        ("a: &x [*x]\n---\nb: 1\n", 1, false),
        ("b: &b [x]\n*b : y\n", 0, true),
        ("s: &s text\n*s : y\n", 0, false),
        ("{{ .Values.x }}: 1\nplain: yes\n", 0, true),
        ("? [complex, key]\n: value\n", 0, true),
    ])
    func anchorsAndKeysAreJudgedAsTheTreeHoldsThem(_ text: String, errors: Int, complexKeys: Bool) {
        let stream = YAMLParser.parse(text)
        #expect(stream.errors.count == errors)
        #expect(stream.hasComplexKeys == complexKeys)
    }
}
