import FileNames
import Testing

/// File names travel as strings that keep their bytes: valid UTF-8 as itself, other bytes as
/// private-use characters that map back exactly; people see them escaped.
@Suite struct FileNameTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let bytes: [UInt8]
        let escaped: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "ASCII", bytes: Array("apps/web.yaml".utf8), escaped: "apps/web.yaml"),
        Case(label: "UTF-8", bytes: Array("café/déploiement.yaml".utf8), escaped: "café/déploiement.yaml"),
        Case(
            label: "Latin-1", bytes: [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x79, 0x61, 0x6D, 0x6C], escaped: "caf\\xe9.yaml"),
        Case(
            label: "lone continuation and truncated sequence", bytes: [0x80, 0x61, 0xE2, 0x82],
            escaped: "\\x80a\\xe2\\x82"),
        Case(label: "overlong slash", bytes: [0xC0, 0xAF], escaped: "\\xc0\\xaf"),
        Case(label: "encoded surrogate", bytes: [0xED, 0xA0, 0x80], escaped: "\\xed\\xa0\\x80"),
        Case(
            label: "a real U+F7E9 is kept apart from an escaped byte", bytes: Array("\u{F7E9}".utf8) + [0xE9],
            escaped: "\\xef\\x9f\\xa9\\xe9"),
        Case(label: "newline and tab", bytes: Array("a\nb\tc.yaml".utf8), escaped: "a\\nb\\tc.yaml"),
        Case(label: "escape and delete", bytes: [0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x7F], escaped: "\\u{1b}[31m\\u{7f}"),
        Case(label: "bidirectional override", bytes: Array("x\u{202E}lmay.yaml".utf8), escaped: "x\\u{202e}lmay.yaml"),
    ]

    @Test(arguments: cases)
    func bytesSurviveTheRoundTripAndAreEscapedForPeople(_ test: Case) {
        let name = FileName.string(fromBytes: test.bytes)
        #expect(FileName.bytes(of: name) == test.bytes)
        #expect(FileName.escaped(name) == test.escaped)
        let fromC = FileName.withCString(name) { FileName.string(fromCString: $0) }
        #expect(fromC == name)
    }

    @Test func distinctNamesStayDistinct() {
        let names = [[0xE9], [0xC3, 0xA9], Array("\u{F7E9}".utf8), [0xEF, 0x9F, 0xA9]].map {
            FileName.string(fromBytes: $0 as [UInt8])
        }
        #expect(Set(names).count == 3, "U+F7E9 written in UTF-8 and its three bytes are the same name")
        #expect(names[0] != names[1], "a Latin-1 é and a UTF-8 é are different files")
    }
}
