import JSONKit
import Testing

/// JSON read with Foundation into `JSONValue`: booleans, integers and fractions stay apart, and
/// integers stay exact past a double's 53 bits (GitHub's ids are 64-bit).
@Suite struct JSONReadingTests {
    @Test func keepsBooleansIntegersAndFractionsApart() throws {
        let value = try JSONValue(
            jsonText: #"{"flag": true, "count": 1, "ratio": 1.5, "whole": 1.0, "big": 1e3, "none": null}"#)
        #expect(value["flag"]?.boolValue == true)
        #expect(value["count"]?.boolValue == nil)
        #expect(value["count"]?.typeName == "integer")
        #expect(value["ratio"]?.typeName == "number")
        #expect(value["big"] == .number(1000))
        #expect(value["none"] == JSONValue.null)
        if case .integer(1) = value["count"] {} else { Issue.record("1 is not read as an integer: \(value)") }
        if case .number(1.0) = value["whole"] {} else { Issue.record("1.0 is not read as a number: \(value)") }
    }

    @Test func integersPastADoublesPrecisionStayExact() throws {
        let value = try JSONValue(jsonText: "[9007199254740993, 9223372036854775807, -9223372036854775808]")
        #expect(value == [9_007_199_254_740_993, 9_223_372_036_854_775_807, .integer(.min)])
        // Rounded through a double, 9007199254740993 would be 9007199254740992: it is not equal.
        #expect(value.arrayValue?.first != .number(9_007_199_254_740_992))
        #expect(JSONValue.integer(1) == .number(1.0))
        #expect(Set<JSONValue>([.integer(1), .number(1.0)]).count == 1)
        #expect(value.arrayValue?.prefix(2).map(\.jsonText) == ["9007199254740993", "9223372036854775807"])
    }

    @Test(arguments: [#"{"a" 1}"#, "01", "[1] 2", "\"tab\there\"", "[1,\n 2,\n tru]", #"["\ud800"]"#])
    func refusesTextThatIsNotJSON(text: String) {
        #expect(throws: JSONValue.ReadingError.self) { try JSONValue(jsonText: text) }
    }

    @Test func nestingPastTheReadersBoundIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONValue.ReadingError.self) { try JSONValue(jsonText: deep) }
    }

    @Test func writesWhatItReads() throws {
        let text = #"{"a":[1,2.5,true,null,"x\"y/z"],"b":{"c":-3}}"#
        #expect(try JSONValue(jsonText: text).jsonText == text)
    }
}
