import Foundation
import ShipshapeTesting
import Testing

@Suite struct JSONParserTests {
    @Test func keepsBooleansIntegersAndFractionsApart() throws {
        let value = try JSONParser.parse(#"{"flag": true, "count": 1, "ratio": 1.0, "big": 1e3, "none": null}"#)
        #expect(value["flag"] == .bool(true))
        #expect(value["count"] == .integer(1))
        #expect(value["ratio"] == .number(1.0))
        #expect(value["big"] == .number(1000))
        #expect(value["none"] == .null)
    }

    @Test func readsEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#"["a\"b\\c\/d\n", "\u00e9\ud83d\ude00"]"#)
        #expect(value == ["a\"b\\c/d\n", "é😀"])
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9),
        ("[1,\n 2,\n tru]", 3, 2),
        ("{\"a\" 1}", 1, 6),
        ("01", 1, 2),
        ("\"tab\there\"", 1, 6),
        ("[1] 2", 1, 5),
    ])
    func rejectsInvalidTextSayingWhere(text: String, line: Int, column: Int) {
        #expect {
            _ = try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == line && error.column == column
        }
    }

    @Test func writesWhatItReads() throws {
        let text = #"{"a":[1,2.5,true,null,"x\"y"],"b":{"c":-3}}"#
        #expect(try JSONParser.parse(text).jsonText == text)
    }
}
