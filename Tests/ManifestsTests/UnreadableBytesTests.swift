import Manifests
import Testing

/// Bytes libyaml cannot read (it decodes ahead of the parser) are reported at their own line
/// and column, not at the top of the file.
@Suite struct UnreadableBytesTests {
    static let head = Array("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: \"1\"\n  y: ab".utf8)

    /// The column is the offending byte's: for a broken sequence, the byte that breaks it.
    @Test(arguments: [
        ([UInt8(0)], 8, "control characters are not allowed (0x00)"),
        ([0xFF, 0xFE], 8, "invalid leading UTF-8 octet (0xFF)"),
        ([0xC3, 0x28], 9, "invalid trailing UTF-8 octet"),
    ])
    func anUnreadableByteIsReportedWhereItIs(bytes: [UInt8], column: Int, problem: String) throws {
        let stream = YAMLParser.parse(bytes: Self.head + bytes + Array("c\n".utf8))

        let error = try #require(stream.errors.first)
        #expect(error.position.line == 7)
        #expect(error.position.column == column)
        #expect("\(error)".contains(problem))
    }

    /// A byte-order mark is not a column: libyaml's own positions do not count it either.
    @Test func anUnreadableByteOnTheFirstLineAfterAByteOrderMarkIsAtItsColumn() throws {
        let stream = YAMLParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("key: \"".utf8) + [0] + Array("\"\n".utf8))

        let error = try #require(stream.errors.first)
        #expect(error.position.line == 1)
        #expect(error.position.column == 7)
    }

    @Test func theDocumentsAfterTheBrokenOneAreStillRead() throws {
        let text = Array("kind: A\n---\nkind: B\nbad: x".utf8) + [0] + Array("\n---\nkind: C\n".utf8)

        let stream = YAMLParser.parse(bytes: text)

        let lines = stream.errors.map { $0.position.line }
        let kinds = stream.documents.compactMap { document in document.root.flatMap { $0["kind"] }?.string }
        #expect(lines == [4])
        #expect(kinds.contains("C"))
    }
}
