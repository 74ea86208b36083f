import Foundation
import ShipshapeTesting
import Testing

@testable import Forge

/// The JSON reader: every JSON file of the forges' official descriptions and examples reads as
/// JSONDecoder reads it, and the edges of RFC 8259 are kept.
@Suite struct JSONParserTests {
    /// How `JSON` used to be read (JSONDecoder, trying each kind in turn): the reference.
    struct DecodedJSON: Decodable {
        let value: JSON

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let bool = try? container.decode(Bool.self) {
                value = .bool(bool)
            } else if let number = try? container.decode(Double.self) {
                value = .number(number)
            } else if let text = try? container.decode(String.self) {
                value = .string(text)
            } else if let items = try? container.decode([DecodedJSON].self) {
                value = .array(items.map(\.value))
            } else {
                value = .object(try container.decode([String: DecodedJSON].self).mapValues(\.value))
            }
        }
    }

    static func forgeFiles() throws -> [String] {
        let root = SharedData.forge
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func everyForgeFileReadsAsJSONDecoderReadsIt() throws {
        let files = try Self.forgeFiles()
        #expect(files.count >= 100)
        for file in files {
            let data = try Data(contentsOf: SharedData.forge.appending(path: file))
            let expected = try JSONDecoder().decode(DecodedJSON.self, from: data).value
            #expect(try JSON.parse(data) == expected, "\(file)")
        }
    }

    @Test(arguments: [
        (
            #"{"a": [1, -2.5, 3e2, 0, -0, 1.5E-3], "b": {"c": null, "d": true, "e": false}}"#,
            JSON.object([
                "a": .array([1, .number(-2.5), 300, 0, 0, .number(0.0015)]), "b": ["c": nil, "d": true, "e": false],
            ])
        ),
        (#"  "top-level string"  "#, JSON.string("top-level string")),
        ("42", JSON.number(42)),
        ("[]", JSON.array([])),
        ("{}", JSON.object([:])),
        (#"{"k": 1, "k": 2}"#, JSON.object(["k": 2])),
        (
            #""quote \" backslash \\ slash \/ controls \b\f\n\r\t""#,
            JSON.string("quote \" backslash \\ slash / controls \u{8}\u{C}\n\r\t")
        ),
        (#""\u00e9t\u00C9 \u2603 \ud83d\ude00 caf\u00e9""#, JSON.string("étÉ ☃ 😀 café")),
        (#""lone \ud83d surrogate""#, JSON.string("lone \u{FFFD} surrogate")),
        ("\"déjà vu, 漢字\"", JSON.string("déjà vu, 漢字")),
        ("\u{FEFF}{\"bom\": 1}", JSON.object(["bom": 1])),
    ])
    func readsWhatRFC8259Allows(_ text: String, _ expected: JSON) throws {
        #expect(try JSON.parse(Data(text.utf8)) == expected)
    }

    @Test(arguments: [
        ("{\"a\": 1", "unexpected end of input at byte 7"),
        ("[1, 2,]", "unexpected character at byte 6"),
        ("{\"a\" 1}", "expected ':' after a member name at byte 5"),
        ("{a: 1}", "expected a member name at byte 1"),
        ("[1 2]", "expected ',' or ']' at byte 3"),
        ("01", "unexpected text after the value at byte 1"),
        ("1.", "expected a digit after '.' at byte 2"),
        ("-", "expected a digit at byte 1"),
        ("1e+", "expected a digit in the exponent at byte 3"),
        ("tru", "unexpected character at byte 3"),
        ("\"tab\there\"", "control character in a string at byte 4"),
        ("\"bad \\x escape\"", "unknown escape at byte 5"),
        ("\"\\u12G4\"", "expected four hex digits after \\u at byte 5"),
        ("\"open", "unexpected end of input in a string at byte 5"),
        ("{} {}", "unexpected text after the value at byte 3"),
        ("[1e400]", "number out of range at byte 1"),
        ("-1e400", "number out of range at byte 0"),
    ])
    func refusesWhatItDoesNotAllowSayingWhere(_ text: String, _ message: String) {
        let error = #expect(throws: JSONParser.Failure.self) { try JSON.parse(Data(text.utf8)) }
        #expect(error?.description == message)
    }

    @Test func numbersReadAsTextWholeWhenWhole() {
        #expect(JSON.number(42).string == "42")
        #expect(JSON.number(2.5).string == "2.5")
        #expect(JSON.number(1.2345678901234567e19).string == "1.2345678901234567e+19", "beyond Int: no trap")
    }

    @Test func nestingIsLimited() throws {
        let allowed =
            String(repeating: "[", count: JSONParser.maximumDepth)
            + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSON.parse(Data(allowed.utf8)) }
        let deeper =
            String(repeating: "[", count: JSONParser.maximumDepth + 1)
            + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        let error = #expect(throws: JSONParser.Failure.self) { try JSON.parse(Data(deeper.utf8)) }
        #expect(
            error?.description
                == "nested deeper than \(JSONParser.maximumDepth) levels at byte \(JSONParser.maximumDepth)")
    }
}
