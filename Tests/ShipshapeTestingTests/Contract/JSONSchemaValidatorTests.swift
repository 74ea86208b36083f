import ShipshapeTesting
import Testing

@Suite struct JSONSchemaValidatorTests {
    private func violations(
        _ value: JSONValue, _ schema: JSONValue,
        options: JSONSchemaValidator.Options = .init()
    ) -> [String] {
        JSONSchemaValidator(schema: schema, options: options).validate(value, at: "body")
    }

    @Test func aBooleanIsNotAnIntegerAndAnIntegerIsNotABoolean() {
        #expect(violations(true, ["type": "integer"]) == ["body: expected integer, got boolean"])
        #expect(violations(1, ["type": "boolean"]) == ["body: expected boolean, got integer"])
        #expect(violations(true, ["type": "number"]) == ["body: expected number, got boolean"])
        #expect(violations(1.5, ["type": "integer"]) == ["body: expected integer, got number"])
        #expect(violations(3, ["type": "number"]).isEmpty)
    }

    @Test func typeListsNullableAndUnknownTypes() {
        #expect(violations(nil, ["type": ["string", "null"]]).isEmpty)
        #expect(violations(4, ["type": ["string", "null"]]) == ["body: expected string or null, got integer"])
        #expect(violations(nil, ["type": "string", "nullable": true]).isEmpty)
        #expect(violations(nil, ["type": "string"]) == ["body: expected string, got null"])
        #expect(violations("2024-01-01", ["type": "date"]).isEmpty)
        #expect(violations(7, ["type": "date"]).isEmpty)
    }

    @Test func objectsReportTheFieldPath() {
        let schema: JSONValue = [
            "type": "object",
            "required": ["name"],
            "properties": [
                "items": ["type": "array", "items": ["type": "object", "properties": ["line": ["type": "integer"]]]]
            ],
            "additionalProperties": false,
        ]
        #expect(
            violations(["items": [["line": "3"]], "extra": 1], schema) == [
                "body.name: required property is missing",
                "body.extra: property is not allowed by the schema",
                "body.items[0].line: expected integer, got string",
            ])
        #expect(
            violations(["name": "x", "other": 1], ["type": "object", "additionalProperties": ["type": "string"]])
                == ["body.other: expected string, got integer"])
    }

    @Test func enumsBoundsAndLengths() {
        #expect(violations("MAYBE", ["enum": ["YES", "NO"]]) == [#"body: "MAYBE" is not one of "YES", "NO""#])
        #expect(violations(0, ["type": "integer", "minimum": 1]) == ["body: 0 is below the minimum 1"])
        #expect(violations(101, ["type": "integer", "maximum": 100]) == ["body: 101 is above the maximum 100"])
        #expect(violations("", ["type": "string", "minLength": 1]) == ["body: 0 characters, expected at least 1"])
        #expect(violations("abcd", ["type": "string", "maxLength": 3]) == ["body: 4 characters, expected at most 3"])
        #expect(violations([1, 2, 3], ["type": "array", "maxItems": 2]) == ["body: has 3 items, expected at most 2"])
        #expect(violations([], ["type": "array", "minItems": 1]) == ["body: has 0 items, expected at least 1"])
        #expect(
            violations("abc", ["type": "string", "pattern": "^[0-9]+$"]) == [
                #"body: "abc" does not match the pattern ^[0-9]+$"#
            ])
        #expect(violations("123", ["type": "string", "pattern": "^[0-9]+$"]).isEmpty)
    }

    @Test func combinators() {
        let either: JSONValue = ["anyOf": [["type": "string"], ["type": "integer"]]]
        #expect(violations(1, either).isEmpty)
        #expect(violations(true, either).count == 1)
        let exactlyOne: JSONValue = ["oneOf": [["type": "number"], ["type": "integer"]]]
        #expect(violations(1, exactlyOne) == ["body: matches 2 of the oneOf alternatives, expected exactly one"])
        #expect(violations(1.5, exactlyOne).isEmpty)
        let both: JSONValue = ["allOf": [["required": ["a"]], ["required": ["b"]]]]
        #expect(violations(["a": 1], both) == ["body.b: required property is missing"])
    }

    @Test func referencesResolveInsideTheDocument() {
        let document: JSONValue = [
            "$ref": "#/definitions/Review",
            "definitions": [
                "Review": ["type": "object", "properties": ["user": ["$ref": "#/definitions/User"]]],
                "User": ["type": "object", "required": ["login"], "properties": ["login": ["type": "string"]]],
            ],
        ]
        #expect(violations(["user": ["login": "octocat"]], document).isEmpty)
        #expect(violations(["user": ["login": 5]], document) == ["body.user.login: expected string, got integer"])
        #expect(violations(["user": nil], document) == ["body.user: expected object, got null"])
        #expect(violations(["user": nil], document, options: .init(acceptsNullForStructuredProperties: true)).isEmpty)
        #expect(
            violations(1, ["$ref": "#/definitions/Missing"]) == [
                "body: the schema reference #/definitions/Missing does not resolve"
            ])
    }

    @Test func nullLeniencyCoversOnlyStructuredProperties() {
        let schema: JSONValue = ["properties": ["labels": ["type": "array"], "title": ["type": "string"]]]
        let lenient = JSONSchemaValidator.Options(acceptsNullForStructuredProperties: true)
        #expect(violations(["labels": nil], schema, options: lenient).isEmpty)
        #expect(violations(["title": nil], schema, options: lenient) == ["body.title: expected string, got null"])
    }

    @Test func goStructLeniencyCoversPointerTimesAndNamedFields() {
        let schema: JSONValue = [
            "properties": [
                "merged_at": ["type": "string", "format": "date-time"],
                "merge_commit_sha": ["type": "string"],
                "title": ["type": "string"],
            ]
        ]
        #expect(violations(["merged_at": nil, "merge_commit_sha": nil], schema, options: .goStructs).isEmpty)
        #expect(violations(["merged_at": nil], schema) == ["body.merged_at: expected string, got null"])
        #expect(violations(["title": nil], schema, options: .goStructs) == ["body.title: expected string, got null"])
    }

    @Test func annotationsAreIgnored() {
        let schema: JSONValue = [
            "type": "integer", "example": "28", "format": "int64", "readOnly": true, "x-go-name": "Line",
            "description": "d",
        ]
        #expect(violations(28, schema).isEmpty)
    }
}
