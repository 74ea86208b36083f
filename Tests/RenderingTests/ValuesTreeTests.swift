import Manifests
import Testing

@testable import Rendering

@Suite struct ValuesTreeTests {
    @Test func laterValuesMergeIntoMapsAndReplaceEverythingElse() throws {
        let base = try tree("a: {b: 1, c: [1, 2]}\nd: x\ne: keep\n")
        let over = try tree("a: {c: [3]}\nd: null\nf: true\n")
        let merged = base.merging(over)
        #expect(ValuesJSON.write(merged) == #"{"a":{"b":1,"c":[3]},"e":"keep","f":true}"#)
    }

    @Test func scalarsAreTypedAsHelmReadsThem() throws {
        let values = try tree("a: \"1\"\nb: 1\nc: yes\nd: 1.5\ne: ~\nf: text\n")
        #expect(ValuesJSON.write(values) == #"{"a":"1","b":1,"c":true,"d":1.5,"e":null,"f":"text"}"#)
    }

    private func tree(_ text: String) throws -> ValuesTree {
        let root = try #require(YAMLParser.parse(text).documents.first?.root)
        return ValuesTree(yaml: root, file: "values.yaml")
    }
}
