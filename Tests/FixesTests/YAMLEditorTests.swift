import Foundation
import Manifests
import ShipshapeTesting
import Testing

@testable import Fixes

/// Golden edits: `Golden/<case>.input.yaml`, one edit, and `Golden/<case>.expected.yaml` byte for
/// byte. Every case is also applied a second time to its own output, which must change nothing.
@Suite struct YAMLEditorTests {
    enum Step: Sendable {
        case key(String)
        case index(Int)
    }
    enum Operation: Sendable {
        case set([String], YAMLValue)
        case remove(String)
        case append([String], YAMLValue)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let document: Int
        /// Where the mapping to edit is, from the document's root.
        let mapping: [Step]
        let operation: Operation
        var testDescription: String { name }
    }

    static let container: [Step] = [.key("spec"), .key("containers"), .index(0)]

    static let cases: [Case] = [
        Case(
            name: "insert-nested", document: 0,
            mapping: [.key("spec"), .key("template"), .key("spec"), .key("containers"), .index(0)],
            operation: .set(["securityContext", "allowPrivilegeEscalation"], .plain("false"))),
        Case(
            name: "set-scalar", document: 0, mapping: container + [.key("securityContext")],
            operation: .set(["privileged"], .plain("false"))),
        Case(
            name: "four-spaces", document: 0,
            mapping: [.key("spec"), .key("template"), .key("spec"), .key("containers"), .index(0)],
            operation: .set(["resources", "limits", "memory"], .plain("128Mi"))),
        Case(
            name: "flow-empty", document: 0, mapping: [.key("containers"), .index(0)],
            operation: .set(["resources", "requests", "cpu"], .plain("100m"))),
        Case(
            name: "flow-nonempty", document: 0, mapping: [.key("containers"), .index(0)],
            operation: .set(["resources", "requests", "memory"], .plain("128Mi"))),
        Case(name: "crlf", document: 0, mapping: container, operation: .set(["imagePullPolicy"], .string("Always"))),
        Case(
            name: "json", document: 0, mapping: container,
            operation: .set(["securityContext", "runAsNonRoot"], .plain("true"))),
        Case(name: "remove", document: 0, mapping: [.key("spec")], operation: .remove("hostNetwork")),
        Case(
            name: "empty-parent", document: 0, mapping: [.key("containers"), .index(0)],
            operation: .set(["securityContext", "runAsNonRoot"], .plain("true"))),
        Case(
            name: "second-document", document: 1, mapping: container + [.key("resources")],
            operation: .set(["limits", "memory"], .plain("128Mi"))),
        Case(
            name: "no-final-newline", document: 0, mapping: container,
            operation: .set(["imagePullPolicy"], .string("Always"))),
        Case(
            name: "sequence-at-end", document: 0, mapping: [.key("spec")],
            operation: .set(["automountServiceAccountToken"], .plain("false"))),
        Case(
            name: "append-block", document: 0, mapping: container + [.key("securityContext"), .key("capabilities")],
            operation: .append(["drop"], .string("ALL"))),
        Case(
            name: "append-flow", document: 0, mapping: container + [.key("securityContext"), .key("capabilities")],
            operation: .append(["drop"], .string("ALL"))),
    ]

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")

    static func edit(_ bytes: [UInt8], _ example: Case) throws -> [UInt8] {
        let stream = YAMLParser.parse(bytes: bytes)
        #expect(stream.errors.isEmpty, "the input parses")
        var node = try #require(stream.documents[example.document].root)
        for step in example.mapping {
            switch step {
            case .key(let key): node = try #require(node[key], "no \(key)")
            case .index(let index): node = try #require(node.items?[index])
            }
        }
        let editor = YAMLEditor(source: SourceText(bytes: bytes))
        let edit: TextEdit?
        switch example.operation {
        case .set(let path, let value): edit = try editor.set(path, to: value, in: node)
        case .remove(let key): edit = try editor.remove(key, from: node)
        case .append(let keys, let value):
            var list = node
            for key in keys { list = try #require(list[key]) }
            edit = try editor.append(value, to: list)
        }
        return try TextEdit.apply(edit.map { [$0] } ?? [], to: bytes)
    }

    @Test(arguments: cases)
    func editsKeepTheFileAsWritten(_ example: Case) throws {
        let input = try Data(contentsOf: Self.golden.appending(path: "\(example.name).input.yaml"))
        let output = try Self.edit(Array(input), example)
        try GoldenFile.check(bytes: output, against: Self.golden.appending(path: "\(example.name).expected.yaml"))
        #expect(YAMLParser.parse(bytes: output).errors.isEmpty, "the edited file still parses")
        if case .remove = example.operation {
        } else {
            #expect(try Self.edit(output, example) == output, "a second run changes nothing")
        }
    }

    @Test func editsThatOverlapAreRefused() {
        let edits = [TextEdit(range: 0..<5, replacement: "a"), TextEdit(range: 3..<8, replacement: "b")]
        #expect(throws: EditError.self) { try TextEdit.apply(edits, to: Array("0123456789".utf8)) }
    }

    @Test func valuesAreQuotedOnlyWhenYAMLWouldMisreadThem() {
        #expect(YAMLValue.string("Always").flow(json: false) == "Always")
        #expect(YAMLValue.string("true").flow(json: false) == "\"true\"")
        #expect(YAMLValue.string("8080").flow(json: false) == "\"8080\"")
        #expect(YAMLValue.string("a: b").flow(json: false) == "\"a: b\"")
        #expect(YAMLValue.sequence([.string("ALL")]).flow(json: false) == "[ALL]")
        #expect(YAMLValue.mapping([("cpu", .plain("100m"))]).flow(json: true) == "{\"cpu\": \"100m\"}")
        #expect(
            YAMLValue.mapping([("replicas", .plain("3")), ("on", .plain("false")), ("x", .plain("-1.5e3"))]).flow(
                json: true) == "{\"replicas\": 3, \"on\": false, \"x\": -1.5e3}")
        #expect(YAMLValue.plain("0755").flow(json: true) == "\"0755\"")
    }

    @Test func indentationWidthIsTheAuthors() {
        #expect(SourceText("a:\n    b:\n        c: 1\n").indentWidth == 4)
        #expect(SourceText("a:\n  b: 1\n").indentWidth == 2)
        #expect(SourceText("a: 1\n").indentWidth == 2)
    }
}
