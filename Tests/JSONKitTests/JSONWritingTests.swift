import Foundation
import JSONKit
import Testing

/// JSON written with `jsonData`, the bytes sent to forges as request bodies: compact, keys sorted,
/// slashes as they are, whole numbers from Swift as integers.
@Suite struct JSONWritingTests {
    @Test func integersFromSwiftAreWrittenAsIntegers() {
        let body: JSONValue = [
            "line": JSONValue(9), "id": JSONValue(9_007_199_254_740_993), "count": 0, "negative": -3,
        ]
        #expect(body.jsonText == #"{"count":0,"id":9007199254740993,"line":9,"negative":-3}"#)
        #expect(JSONValue(9) == .integer(9))
    }

    @Test func keysAreSortedAtEveryLevel() {
        let body: JSONValue = ["b": 1, "a": ["z": true, "y": nil], "c": [["d": "x", "a": "y"]]]
        #expect(body.jsonText == #"{"a":{"y":null,"z":true},"b":1,"c":[{"a":"y","d":"x"}]}"#)
        // Equal values give equal bytes, however their dictionaries were built.
        let built = JSONValue.object(Dictionary(uniqueKeysWithValues: (0..<50).map { ("k\($0)", JSONValue($0)) }))
        let reversed = JSONValue.object(
            Dictionary(uniqueKeysWithValues: (0..<50).reversed().map { ("k\($0)", JSONValue($0)) }))
        #expect(built.jsonData == reversed.jsonData)
    }

    @Test func slashesAndQuotesAreWrittenAsJSONNeeds() {
        let body: JSONValue = ["path": "apps/web/service.yaml", "url": "https://ci.example/runs/7", "say": "a \"b\"\n"]
        #expect(
            body.jsonText
                == #"{"path":"apps/web/service.yaml","say":"a \"b\"\n","url":"https://ci.example/runs/7"}"#)
    }

    @Test func fractionsStayFractionsAndNonFiniteNumbersAreNull() {
        #expect(JSONValue.number(1.5).jsonText == "1.5")
        #expect(JSONValue.number(2).jsonText == "2", "a whole double is written without a fraction too")
        #expect(JSONValue.array([.number(.infinity), .number(.nan)]).jsonText == "[null,null]")
    }

    @Test func readsBackWhatItWrote() throws {
        let body: JSONValue = ["comments": [["path": "a/b.yaml", "line": 9, "side": "RIGHT"]], "event": "COMMENT"]
        #expect(try JSONValue(jsonData: body.jsonData) == body)
    }
}
