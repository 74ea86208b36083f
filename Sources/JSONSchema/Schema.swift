import JSONKit
import Manifests

/// A compiled JSON Schema (drafts 4 to 2019-09, the ones Polaris' checks declare, with Polaris'
/// `resourceMinimum`/`resourceMaximum`): a flat table of subschemas referring to each other by
/// index, so `$ref` cycles need no reference counting and the whole thing is a plain value.
package struct Schema: Sendable {
    /// Subschema 0 is the root.
    let nodes: [SchemaNode]
    /// JSON pointers (`#/$defs/x`, `user/basic.json#/properties/id`) and anchors to
    /// subschemas, for `$ref`.
    let pointers: [String: Int]
    /// The subschemas `validate(_:entry:)` starts from (one, `0`, for a single schema).
    let entries: [Int]

    /// Limits: how deep a schema may nest, how many subschemas it may have, how deep validation
    /// may go following `$ref`s (a schema that refers to itself forever fails instead of hanging).
    package static let maximumDepth = 64
    package static let maximumNodes = 50_000
    package static let maximumValidationDepth = 256
}

struct SchemaNode: Sendable {
    /// Where the subschema is written (for errors in the schema itself).
    var position: SourcePosition
    /// `false` as a schema: nothing is valid.
    var rejectsEverything = false
    /// OpenAPI's `nullable: true`: `null` is valid whatever else the subschema says.
    var nullable = false

    var types: [String]?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?
    var hasConst = false

    var multipleOf: Double?
    var maximum: Double?
    var exclusiveMaximum: Double?
    var minimum: Double?
    var exclusiveMinimum: Double?

    var maxLength: Int?
    var minLength: Int?
    var pattern: SchemaPattern?

    var items: Int?
    var itemsList: [Int]?
    var additionalItems: Int?
    var maxItems: Int?
    var minItems: Int?
    var uniqueItems = false
    var contains: Int?
    var maxContains: Int?
    var minContains: Int?

    var maxProperties: Int?
    var minProperties: Int?
    var required: [String] = []
    var properties: [String: Int] = [:]
    var patternProperties: [(SchemaPattern, Int)] = []
    var additionalProperties: Int?
    var propertyNames: Int?
    var dependentRequired: [String: [String]] = [:]
    var dependentSchemas: [String: Int] = [:]

    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?
    var ref: String?

    /// Polaris' extensions: bounds on a resource quantity string (`100m`, `1Gi`), with the text written.
    var resourceMinimum: (value: Double, text: String)?
    var resourceMaximum: (value: Double, text: String)?

    init(position: SourcePosition) {
        self.position = position
    }
}

/// A mistake in a schema, with where it is written.
package struct SchemaError: Error, Sendable, CustomStringConvertible {
    package var position: SourcePosition
    package var message: String

    package init(position: SourcePosition, message: String) {
        self.position = position
        self.message = message
    }

    package var description: String { "\(position.line):\(position.column): \(message)" }
}
