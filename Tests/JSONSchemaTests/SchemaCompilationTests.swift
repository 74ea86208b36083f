import JSONSchema
import Manifests
import Testing

/// Mistakes in schemas are errors with a line, and hostile schemas are bounded.
@Suite struct SchemaCompilationTests {
    @Test(arguments: [
        ("type: thing", 1, "unknown type"),
        ("properties:\n  a:\n    pattern: '(unclosed'", 3, "not a regular expression"),
        ("properties:\n  a: {$ref: '#/$defs/missing'}", 2, "refers to nothing"),
        ("properties:\n  a: {$ref: 'https://example.com/s.json'}", 2, "refers to nothing"),
        ("unevaluatedProperties: false", 1, "not supported"),
        ("minItems: -1", 1, "whole number"),
        ("properties:\n  m: {resourceMinimum: lots}", 2, "resource quantity"),
        ("allOf: []", 1, "non-empty list"),
        ("a: [unclosed", 1, "not valid YAML"),
    ])
    func reportsMistakes(schema: String, line: Int, message: String) {
        do {
            _ = try Schema(text: schema)
            Issue.record("compiled a schema with a mistake: \(schema)")
        } catch {
            #expect(error.errors.contains { $0.position.line == line && $0.message.contains(message) }, "\(error)")
        }
    }

    @Test func aDeeplyNestedSchemaIsRefused() {
        let schema = String(repeating: "{not: ", count: 100) + "{}" + String(repeating: "}", count: 100)
        #expect(throws: SchemaCompilationFailure.self) { try Schema(text: schema) }
    }

    @Test func aSchemaThatRefersToItselfForeverFailsInsteadOfHanging() throws {
        let schema = try Schema(text: "$defs: {loop: {$ref: '#/$defs/loop'}}\n$ref: '#/$defs/loop'")
        let root = try #require(YAMLParser.parse("a: 1").documents.first?.root)
        let failure = try #require(schema.validate(.node(root)))
        #expect(failure.message.contains("deeper than"))
    }

    @Test func aRecursiveSchemaValidatesNestedData() throws {
        let schema = try Schema(
            text:
                "$defs: {tree: {type: object, properties: {child: {$ref: '#/$defs/tree'}, name: {type: string}}}}\n$ref: '#/$defs/tree'"
        )
        let good = try #require(YAMLParser.parse("child: {child: {name: a}}").documents.first?.root)
        let bad = try #require(YAMLParser.parse("child:\n  child:\n    name: 1\n").documents.first?.root)
        #expect(schema.validate(.node(good)) == nil)
        #expect(schema.validate(.node(bad))?.position.line == 3)
    }

    @Test(arguments: [
        ("100m", 0.1), ("1Gi", 1_073_741_824), ("2", 2), ("1.5k", 1500), ("1e3", 1000), ("512Mi", 536_870_912),
    ])
    func readsQuantities(text: String, value: Double) {
        #expect(ResourceQuantity.parse(text) == value)
    }

    @Test(arguments: ["", "abc", "1x", "Gi", "--1"])
    func refusesNonQuantities(text: String) {
        #expect(ResourceQuantity.parse(text) == nil)
    }
}
