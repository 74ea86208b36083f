import Manifests
import Policy
import Testing

@testable import Kustomize

/// Origins filled in and collected along a built tree: a node without one takes the nearest
/// above it, a node with one keeps it, and every origin is found at its path.
@Suite struct NodeOriginsTests {
    static func at(_ line: Int) -> Policy.SourceLocation {
        Policy.SourceLocation(file: "base/app.yaml", position: SourcePosition(line: line, column: 1))
    }

    @Test func nodesWithoutAnOriginTakeTheNearestAboveAndOthersKeepTheirs() {
        var node = Node(
            .mapping([
                Entry(key: "kept", node: .string("a", origin: Self.at(3))),
                Entry(
                    key: "made",
                    node: Node(
                        .sequence([.string("b", origin: nil), .string("c", origin: Self.at(9))]), origin: nil)),
            ]), origin: Self.at(2))
        node.fillOrigins(Self.at(1))
        var found: [String: Int] = [:]
        node.collectOrigins { path, origin in found[path.description] = origin.position.line }
        #expect(found == ["": 2, "kept": 3, "made": 2, "made[0]": 2, "made[1]": 9])

        var orphan = Node(.mapping([Entry(key: "x", node: .string("y", origin: nil))]), origin: nil)
        orphan.fillOrigins(Self.at(7))
        var orphanOrigins: [String: Int] = [:]
        orphan.collectOrigins(at: DocumentPath([.key("spec")])) { orphanOrigins[$0.description] = $1.position.line }
        #expect(orphanOrigins == ["spec": 7, "spec.x": 7])
    }

    @Test func aTreeWithEveryOriginIsLeftAsItIs() {
        let node = Node(.mapping([Entry(key: "k", node: .string("v", origin: Self.at(4)))]), origin: Self.at(3))
        #expect(node.filledOrigins(Self.at(1)) == nil)
        #expect(Node(.scalar(Scalar(text: "v", kind: .plain)), origin: nil).filledOrigins(nil) == nil)
    }

    /// A repeated key takes the last value (the parser already keeps only its last place), in
    /// short mappings (keys compared one by one) and long ones (keys in a dictionary).
    @Test(arguments: [4, Node.keysSearchedInPlace - 1, Node.keysSearchedInPlace, 40])
    func aRepeatedKeyTakesTheLastValue(keys: Int) throws {
        var text = (0..<keys).map { "k\($0): \($0)\n" }.joined()
        text += "k1: again\nk\(keys - 1): last\nextra: 1\nk0: first\n"
        let parsed = try #require(YAMLParser.parse(text).documents.first?.root)
        let node = try Node.copy(parsed, file: "f")
        let entries = try #require(node.entries)
        #expect(entries.map(\.key) == (parsed.entries ?? []).map { $0.keyText ?? "" })
        #expect(Set(entries.map(\.key)).count == keys + 1)
        #expect(node["k0"]?.string == "first")
        #expect(node["k1"]?.string == "again")
        #expect(node["k\(keys - 1)"]?.string == "last")
        #expect(node["k2"]?.string == "2")
        #expect(node["k1"]?.origin?.position.line == keys + 1)
    }

    @Test func onlyShortWordsAreReadAsBooleansOrNull() {
        for word in ["true", "False", "YES", "no", "On", "off", "y", "N", "null", "NULL", "~", "=", "<<"] {
            #expect(!YAMLEmitter.isSafePlain(word), "\(word)")
        }
        for text in ["truely", "nullable", "offset", "yesterday", "name", "\u{212A}ind", "ON\u{301}"] {
            #expect(YAMLEmitter.isSafePlain(text), "\(text)")
        }
    }
}
