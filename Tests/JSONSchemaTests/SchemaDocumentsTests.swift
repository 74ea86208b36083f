import JSONKit
import JSONSchema
import Manifests
import Testing

/// Schemas compiled together with the documents their `$ref`s name (an OpenAPI description's
/// components, a folder of schema files), and OpenAPI's `nullable`.
@Suite struct SchemaDocumentsTests {
    func failure(
        _ value: JSONValue, _ schema: JSONValue, documents: [String: JSONValue] = [:],
        dialect: SchemaDialect = .openAPI
    ) throws -> String? {
        let compiled = try Schema(
            entries: [(schema.yamlDocument, "")], documents: documents.mapValues(\.yamlDocument), dialect: dialect)
        return compiled.validate(.value(value, at: SourcePosition(line: 1, column: 1)), entry: 0)?.description
    }

    @Test func nullableAdmitsNullOnlyInTheOpenAPIDialect() throws {
        let schema: JSONValue = ["type": "string", "nullable": true]
        #expect(try failure(nil, schema) == nil)
        #expect(try failure(4, schema) == "must be a string, not an integer")
        #expect(try failure(nil, schema, dialect: .jsonSchema) == "must be a string, not null")
        // Beside a `$ref` too (the contract marks Go's pointer fields that way).
        let document: JSONValue = ["definitions": ["User": ["type": "object"]]]
        #expect(try failure(nil, ["$ref": "#/definitions/User", "nullable": true], documents: ["": document]) == nil)
    }

    @Test func referencesIntoAnOpenAPIDescriptionsComponentsAreCompiledWhenNamed() throws {
        let document: JSONValue = [
            "openapi": "3.0.3",
            "components": [
                "schemas": [
                    "user": ["type": "object", "required": ["login"], "properties": ["login": ["type": "string"]]],
                    "pull": [
                        "type": "object",
                        "properties": ["user": ["$ref": "#/components/schemas/user"], "number": ["type": "integer"]],
                    ],
                ]
            ],
        ]
        let pull: JSONValue = ["$ref": "#/components/schemas/pull"]
        #expect(try failure(["number": 7, "user": ["login": "octocat"]], pull, documents: ["": document]) == nil)
        #expect(
            try failure(["user": ["login": 5]], pull, documents: ["": document])
                == "user.login: must be a string, not an integer")
        #expect(try failure(["user": [:]], pull, documents: ["": document]) == "user: `login` is required")
        #expect(
            try failure(["number": 1.5], pull, documents: ["": document]) == "number: must be an integer, not a number")
    }

    @Test func relativeReferencesResolveBetweenFilesOfAFolder() throws {
        let documents: [String: JSONValue] = [
            "merge_request.json": ["properties": ["author": ["$ref": "user/basic.json"]]],
            "user/basic.json": ["required": ["id"], "properties": ["id": ["type": "integer"]]],
            "user/full.json": ["allOf": [["$ref": "basic.json"], ["required": ["email"]]]],
        ]
        #expect(try failure(["author": ["id": 1]], ["$ref": "merge_request.json"], documents: documents) == nil)
        #expect(
            try failure(["author": ["id": "1"]], ["$ref": "merge_request.json"], documents: documents)
                == "author.id: must be an integer, not a string")
        #expect(try failure(["id": 1], ["$ref": "user/full.json"], documents: documents) == "`email` is required")
    }

    @Test func aReferenceToNothingIsAnErrorNamingIt() {
        #expect {
            _ = try failure(1, ["$ref": "#/components/schemas/missing"], documents: ["": ["components": [:]]])
        } throws: { error in
            "\(error)".contains("`$ref: #/components/schemas/missing` refers to nothing")
        }
    }

    /// A relative `$ref` whose `..` climbs above the documents' root names nothing: it is an
    /// error naming it, not a reference to whatever is left once the climb stops at the root.
    @Test func aReferenceClimbingAboveTheRootIsAnErrorNamingIt() throws {
        let documents: [String: JSONValue] = [
            "user/basic.json": ["properties": ["id": ["$ref": "../../id.json"]]],
            "user/full.json": ["properties": ["id": ["$ref": "../id.json"]]],
            "id.json": ["type": "integer"],
        ]
        #expect {
            _ = try failure(["id": 1], ["$ref": "user/basic.json"], documents: documents)
        } throws: { error in
            "\(error)".contains("`$ref: ../../id.json` climbs above the folder of the schema documents")
        }
        #expect {
            _ = try failure(1, ["$ref": "../id.json"], documents: documents)
        } throws: { error in
            "\(error)".contains("`$ref: ../id.json` climbs above the folder of the schema documents")
        }
        // One `..` from `user/` is the root's own file.
        #expect(
            try failure(["id": "1"], ["$ref": "user/full.json"], documents: documents)
                == "id: must be an integer, not a string")
    }

    @Test func aComponentThatRefersToItselfValidatesNestedData() throws {
        let document: JSONValue = [
            "definitions": [
                "node": [
                    "type": "object", "properties": ["next": ["$ref": "#/definitions/node"], "v": ["type": "integer"]],
                ]
            ]
        ]
        let node: JSONValue = ["$ref": "#/definitions/node"]
        #expect(try failure(["next": ["next": ["v": 1]]], node, documents: ["": document]) == nil)
        #expect(
            try failure(["next": ["next": ["v": "x"]]], node, documents: ["": document])
                == "next.next.v: must be an integer, not a string")
    }
}
