import Foundation
import Manifests
import Testing

@testable import Fixes

/// A seeded generator of manifests in every style the editor meets (block with 2 or 4 spaces,
/// lists indented or not, LF or CRLF, comments, flow maps inside block ones, one-line flow
/// documents, JSON) and random edits on them (set a value or a new path, add a map, append to a
/// list, remove a key): nothing crashes, every edited text parses, says what was asked (JSON stays
/// JSON), and the same edit again changes nothing. The same seeds every run, so a failure repeats.
@Suite struct GeneratedEditTests {
    indirect enum Shape {
        case scalar(String)
        case mapping([(String, Shape)])
        case list([String])
    }

    enum Style: CaseIterable { case block, flow, json }

    struct Writer {
        var style: Style
        var width: Int
        var lineEnding: String
        var indentedLists: Bool
        var comments: Bool
        var generator: GeneratedYAMLTests.Generator

        mutating func document(_ shape: Shape) -> String {
            switch style {
            case .block:
                guard case .mapping(let entries) = shape else { return flow(shape, json: false) + lineEnding }
                return block(entries, indent: 0).joined(separator: lineEnding) + lineEnding
            case .flow: return flow(shape, json: false) + lineEnding
            case .json: return flow(shape, json: true) + lineEnding
            }
        }

        mutating func block(_ entries: [(String, Shape)], indent: Int) -> [String] {
            let padding = String(repeating: " ", count: indent)
            var lines: [String] = []
            for (key, value) in entries {
                let comment = comments && generator.below(4) == 0 ? "  # note" : ""
                switch value {
                case .scalar(let text): lines.append("\(padding)\(key): \(text)\(comment)")
                case .mapping(let nested) where nested.isEmpty || generator.below(5) == 0:
                    lines.append("\(padding)\(key): \(flow(value, json: false))\(comment)")
                case .mapping(let nested):
                    lines.append("\(padding)\(key):\(comment)")
                    lines += block(nested, indent: indent + width)
                case .list(let items) where items.isEmpty || generator.below(5) == 0:
                    lines.append("\(padding)\(key): \(flow(value, json: false))")
                case .list(let items):
                    lines.append("\(padding)\(key):")
                    let dash = String(repeating: " ", count: indent + (indentedLists ? width : 0))
                    lines += items.map { "\(dash)- \($0)" }
                }
            }
            return lines
        }

        func flow(_ shape: Shape, json: Bool) -> String {
            switch shape {
            case .scalar(let text): return json && !YAMLValue.isJSONLiteral(text) ? YAMLValue.quoted(text) : text
            case .list(let items):
                return "[" + items.map { json ? YAMLValue.quoted($0) : $0 }.joined(separator: ", ") + "]"
            case .mapping(let entries):
                return "{"
                    + entries.map { "\(json ? YAMLValue.quoted($0.0) : $0.0): \(flow($0.1, json: json))" }.joined(
                        separator: ", ") + "}"
            }
        }
    }

    static let scalars = ["1", "true", "nginx:1.27", "100m", "\"quoted value\"", "'single'", "x"]
    static let values: [YAMLValue] = [
        .plain("false"), .plain("100m"), .plain("3"), .string("Always"), .string("a: b"), .string("true"),
        .sequence([.string("ALL")]), .mapping([("cpu", .plain("100m")), ("memory", .plain("128Mi"))]),
    ]

    static func shape(_ generator: inout GeneratedYAMLTests.Generator, depth: Int) -> Shape {
        var entries: [(String, Shape)] = []
        for index in 0..<(1 + generator.below(4)) {
            let key = "k\(depth)\(index)"
            switch depth < 3 ? generator.below(4) : 0 {
            case 1: entries.append((key, shape(&generator, depth: depth + 1)))
            case 2: entries.append((key, .list((0..<generator.below(3)).map { "i\($0)" })))
            case 3: entries.append((key, .mapping([])))
            default: entries.append((key, .scalar(scalars[generator.below(scalars.count)])))
            }
        }
        return .mapping(entries)
    }

    /// The key paths of every mapping in the document (the root is []).
    static func mappingPaths(_ node: YAMLNode, at path: [String] = []) -> [[String]] {
        guard node.isMapping else { return [] }
        return [path]
            + (node.entries ?? []).flatMap { entry in
                entry.keyText.map { mappingPaths(entry.value, at: path + [$0]) } ?? []
            }
    }

    static func node(_ root: YAMLNode, at path: [String]) -> YAMLNode? {
        path.reduce(Optional(root)) { node, key in node?[key] }
    }

    enum Edit {
        case set([String], YAMLValue)
        case add(String, YAMLValue)
        case append(String, YAMLValue)
        case remove(String)
    }

    static func edit(_ edit: Edit, in mapping: YAMLNode, source: SourceText) throws -> TextEdit? {
        let editor = YAMLEditor(source: source)
        switch edit {
        case .set(let path, let value): return try editor.set(path, to: value, in: mapping)
        case .add(let key, let value): return try editor.add(key, value, to: mapping)
        case .append(let key, let value):
            guard let list = mapping[key] else { return nil }
            return try editor.append(value, to: list)
        case .remove(let key): return try editor.remove(key, from: mapping)
        }
    }

    @Test(arguments: 0..<6)
    func generatedEditsParseSayWhatWasAskedAndAreFinal(batch: Int) throws {
        var applied = 0
        for seed in UInt64(batch * 200)..<UInt64(batch * 200 + 200) {
            var generator = GeneratedYAMLTests.Generator(state: seed)
            let style = Style.allCases[generator.below(Style.allCases.count)]
            var writer = Writer(
                style: style, width: [2, 4][generator.below(2)], lineEnding: generator.below(4) == 0 ? "\r\n" : "\n",
                indentedLists: generator.below(2) == 0, comments: generator.below(2) == 0, generator: generator)
            let text = writer.document(Self.shape(&generator, depth: 0))
            let bytes = Array(text.utf8)
            let parsed = YAMLParser.parse(bytes: bytes)
            let root = try #require(
                parsed.documents.first?.root, "seed \(seed): the generated text does not parse:\n\(text)")
            #expect(parsed.errors.isEmpty, "seed \(seed): \(parsed.errors)\n\(text)")
            let paths = Self.mappingPaths(root)
            let path = paths[generator.below(paths.count)]
            let mapping = try #require(Self.node(root, at: path))
            let keys = (mapping.entries ?? []).compactMap(\.keyText)
            let value = Self.values[generator.below(Self.values.count)]
            let existing = keys.isEmpty ? "absent" : keys[generator.below(keys.count)]
            let edit: Edit =
                switch generator.below(5) {
                case 0: .set([existing], value)
                case 1: .set(["new", "nested"], value)
                case 2: .add("added", value)
                case 3: .append(existing, .string("appended"))
                default: .remove(existing)
                }
            let source = SourceText(bytes: bytes)
            let textEdit: TextEdit?
            do {
                textEdit = try Self.edit(edit, in: mapping, source: source)
            } catch is EditError {
                continue
            }
            guard let textEdit else { continue }
            let result = try TextEdit.apply([textEdit], to: bytes)
            let context = "seed \(seed), \(edit) at \(path):\n\(text)\n->\n\(String(decoding: result, as: UTF8.self))"
            let reparsed = YAMLParser.parse(bytes: result)
            #expect(reparsed.errors.isEmpty, "\(context)\n\(reparsed.errors)")
            // Removing a block map's only key leaves its parent's value empty (null), as a person would.
            if case .remove = edit, keys.count == 1, style == .block {
                applied += 1
                continue
            }
            let newRoot = try #require(reparsed.documents.first?.root, "\(context)")
            let edited = try #require(Self.node(newRoot, at: path), "\(context)")
            if style == .json {
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(result))) != nil,
                    "the edited JSON is not JSON: \(context)")
            }
            switch edit {
            case .set(let keyPath, let value):
                #expect(Self.holds(Self.node(edited, at: keyPath), value), "\(context)")
            case .add(let key, let value):
                #expect(Self.holds(edited[key], value), "\(context)")
            case .append(let key, _):
                #expect(edited[key]?.items?.last?.scalar?.text == "appended", "\(context)")
            case .remove(let key):
                #expect(edited[key] == nil, "\(context)")
                #expect((edited.entries ?? []).compactMap(\.keyText) == keys.filter { $0 != key }, "\(context)")
            }
            #expect(
                try Self.edit(edit, in: edited, source: SourceText(bytes: result)) == nil,
                "the same edit again changed something: \(context)")
            applied += 1
        }
        #expect(
            applied >= 100,
            "only \(applied) of 200 generated edits applied: the generator no longer makes editable texts")
    }

    static func holds(_ node: YAMLNode?, _ value: YAMLValue) -> Bool {
        node.map { value.isWritten(as: $0) } ?? false
    }
}
