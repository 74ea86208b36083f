import JSONKit
import JSONSchema
import Manifests
import Testing

/// Integers read from JSON stay exact when a schema compares them (GitHub's ids are 64-bit).
@Suite struct ExactIntegerTests {
    @Test func aSchemasIntegerConstantIsComparedExactly() throws {
        let schema = try Schema(text: "const: 9007199254740993")
        let position = SourcePosition(line: 1, column: 1)
        #expect(schema.validate(.value(try JSONValue(jsonText: "9007199254740993"), at: position)) == nil)
        let failure = try #require(schema.validate(.value(try JSONValue(jsonText: "9007199254740992"), at: position)))
        #expect(failure.message == "must be 9007199254740993, not 9007199254740992")
    }
}
