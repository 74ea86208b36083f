import JSONSchema
import Manifests
import Testing

/// The validator over YAML documents: each case names the line of the value that must fail (or
/// the mapping that lacks a key), or `nil` when the document matches.
@Suite struct SchemaValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let schema: String
        let document: String
        let failingLine: Int?
        var message: String = ""
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "type mismatch lands on the value", schema: "properties: {replicas: {type: integer}}",
            document: "kind: X\nreplicas: \"3\"\n", failingLine: 2, message: "must be an integer, not a string"),
        Case(
            name: "integer accepts 2.0 as JSON does", schema: "properties: {replicas: {type: integer, minimum: 2}}",
            document: "replicas: 2.0\n", failingLine: nil),
        Case(
            name: "minimum", schema: "properties: {spec: {properties: {replicas: {minimum: 2}}}}",
            document: "spec:\n  replicas: 1\n", failingLine: 2, message: "must be at least 2, not 1"),
        Case(
            name: "required lands on the mapping that lacks the key",
            schema: "properties: {spec: {required: [replicas]}}",
            document: "kind: X\nspec:\n  selector: {}\n", failingLine: 3, message: "`replicas` is required"),
        Case(
            name: "required with nothing under it requires nothing",
            schema: "required:\nproperties: {a: {type: string}}",
            document: "a: b\n", failingLine: nil),
        Case(
            name: "YAML 1.1 booleans", schema: "properties: {hostIPC: {not: {const: true}}}",
            document: "hostIPC: yes\n", failingLine: 1, message: "(not)"),
        Case(
            name: "quoted true is a string", schema: "properties: {hostIPC: {not: {const: true}}}",
            document: "hostIPC: \"true\"\n", failingLine: nil),
        Case(
            name: "pattern is unanchored", schema: "properties: {image: {pattern: 'latest'}}",
            document: "image: nginx:latest-1\n", failingLine: nil),
        Case(
            name: "inline case-insensitive flag mid-pattern",
            schema: "properties: {drop: {contains: {pattern: '^(?i)ALL$'}}}",
            document: "drop: [NET_RAW, all]\n", failingLine: nil),
        Case(
            name: "regex pattern", schema: "properties: {image: {pattern: '^.+:.+$'}}",
            document: "image: nginx\n", failingLine: 1, message: "does not match the pattern"),
        Case(
            name: "items: the failing item's value",
            schema: "properties: {ports: {items: {properties: {hostPort: {const: 0}}}}}",
            document: "ports:\n  - containerPort: 80\n  - containerPort: 81\n    hostPort: 81\n", failingLine: 4,
            message: "must be 0, not 81"),
        Case(
            name: "anyOf lands on the instance", schema: "anyOf: [{required: [a]}, {required: [b]}]",
            document: "c: 1\n", failingLine: 1, message: "anyOf"),
        Case(
            name: "oneOf with two matches fails", schema: "oneOf: [{required: [a]}, {required: [b]}]",
            document: "a: 1\nb: 2\n", failingLine: 1, message: "exactly one"),
        Case(
            name: "$ref to $defs",
            schema:
                "$defs: {ctx: {properties: {privileged: {not: {const: true}}}}}\nproperties: {securityContext: {$ref: '#/$defs/ctx'}}",
            document: "securityContext:\n  privileged: true\n", failingLine: 2),
        Case(
            name: "$ref to definitions (draft 7)",
            schema: "definitions: {s: {type: string}}\nproperties: {a: {$ref: '#/definitions/s'}}",
            document: "a: 1\n", failingLine: 1),
        Case(
            name: "if/then/else",
            schema: "if: {properties: {kind: {const: A}}}\nthen: {required: [x]}\nelse: {required: [y]}",
            document: "kind: B\nx: 1\n", failingLine: 1, message: "`y` is required"),
        Case(
            name: "propertyNames lands on the key",
            schema: "properties: {data: {propertyNames: {not: {pattern: '(?i)password'}}}}",
            document: "data:\n  user: a\n  DB_PASSWORD: b\n", failingLine: 3, message: "the key"),
        Case(
            name: "additionalProperties false", schema: "properties: {a: true}\nadditionalProperties: false",
            document: "a: 1\nb: 2\n", failingLine: 2, message: "`b` is not allowed"),
        Case(
            name: "additionalProperties schema",
            schema: "properties: {data: {additionalProperties: {not: {pattern: 'PRIVATE KEY'}}}}",
            document: "data:\n  key: |\n    -----BEGIN PRIVATE KEY-----\n", failingLine: 2),
        Case(
            name: "minProperties", schema: "properties: {labels: {minProperties: 1}}", document: "labels: {}\n",
            failingLine: 1),
        Case(name: "uniqueItems", schema: "uniqueItems: true", document: "- a\n- b\n- a\n", failingLine: 3),
        Case(
            name: "enum", schema: "properties: {policy: {enum: [Always, IfNotPresent]}}", document: "policy: Never\n",
            failingLine: 1),
        Case(name: "minContains", schema: "contains: {const: x}\nminContains: 2", document: "[x, y]\n", failingLine: 1),
        Case(
            name: "exclusiveMinimum (2019-09)", schema: "properties: {max: {exclusiveMinimum: 3}}",
            document: "max: 3\n", failingLine: 1),
        Case(
            name: "exclusiveMinimum (draft 4)", schema: "properties: {max: {minimum: 3, exclusiveMinimum: true}}",
            document: "max: 3\n", failingLine: 1),
        Case(name: "const null", schema: "properties: {tls: {not: {const: null}}}", document: "tls:\n", failingLine: 1),
        Case(
            name: "null is not an object", schema: "properties: {probe: {type: object}}", document: "probe: ~\n",
            failingLine: 1),
        Case(
            name: "const on a mapping ignores key order", schema: "const: {a: 1, b: [x]}", document: "b: [x]\na: 1.0\n",
            failingLine: nil),
        Case(name: "false schema", schema: "properties: {a: false}", document: "a: 1\n", failingLine: 1),
        Case(
            name: "resourceMinimum", schema: "properties: {memory: {resourceMinimum: 100M, resourceMaximum: 6G}}",
            document: "memory: 64Mi\n", failingLine: 1, message: "at least 100M"),
        Case(
            name: "resourceMaximum", schema: "properties: {cpu: {resourceMinimum: 100m, resourceMaximum: \"2\"}}",
            document: "cpu: 2500m\n", failingLine: 1, message: "at most 2"),
        Case(
            name: "resource bounds accept a number", schema: "properties: {cpu: {resourceMaximum: \"2\"}}",
            document: "cpu: 1\n", failingLine: nil),
        Case(
            name: "a JSON schema", schema: "{\"type\": \"object\", \"required\": [\"spec\"]}", document: "kind: X\n",
            failingLine: 1),
        Case(
            name: "a repeated key counts once, the last", schema: "properties: {a: {const: 2}}",
            document: "a: 1\na: 2\n", failingLine: nil),
    ]

    @Test(arguments: cases)
    func validates(_ example: Case) throws {
        let schema = try Schema(text: example.schema)
        let root = try #require(YAMLParser.parse(example.document).documents.first?.root)
        let failure = schema.validate(.node(root))
        #expect(failure?.position.line == example.failingLine, "\(failure?.description ?? "no failure")")
        if let failure, !example.message.isEmpty {
            #expect(failure.message.contains(example.message), "\(failure.message)")
        }
    }

    @Test func theFailureSaysWhere() throws {
        let schema = try Schema(text: "properties: {spec: {properties: {containers: {items: {required: [image]}}}}}")
        let root = try #require(
            YAMLParser.parse("spec:\n  containers:\n    - name: a\n      image: x\n    - name: b\n").documents.first?
                .root)
        let failure = try #require(schema.validate(.node(root)))
        #expect(failure.path.description == "spec.containers[1]")
        #expect(failure.position.line == 5)
    }
}
