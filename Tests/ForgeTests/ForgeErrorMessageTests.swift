import Foundation
import Testing

@testable import Forge

/// The reason a forge gives for a refusal, as a `ForgeError` shows it: `message` (a string, or
/// GitLab's object or list written as JSON), else `error`, then GitHub's `errors`.
@Suite struct ForgeErrorMessageTests {
    @Test(arguments: [
        (#"{"message":"Not Found"}"#, "Not Found"),
        (
            #"{"message":{"base":["is invalid"],"title":["is too long"]}}"#,
            #"{"base":["is invalid"],"title":["is too long"]}"#
        ),
        (#"{"message":["405 Method Not Allowed"]}"#, #"["405 Method Not Allowed"]"#),
        (#"{"message":404}"#, "404"),
        (#"{"message":null,"error":"invalid_grant"}"#, "invalid_grant"),
        (#"{"error":42}"#, "42"),
        (#"{"error":{"code":1}}"#, ""),
        (
            #"{"message":"Validation Failed","errors":[{"resource":"Label","code":"invalid"}]}"#,
            #"Validation Failed [{"code":"invalid","resource":"Label"}]"#
        ),
        (#"{"message":"Bad","errors":null}"#, "Bad"),
        ("<html>502 Bad Gateway</html>", "<html>502 Bad Gateway</html>"),
        (#"["not an object"]"#, #"["not an object"]"#),
    ])
    func theForgesReasonIsShown(body: String, message: String) {
        #expect(ForgeAPI.message(in: Data(body.utf8)) == message)
    }

    @Test func aLongAnswerThatIsNotJSONIsCut() {
        let body = String(repeating: "x", count: 1_000)
        #expect(ForgeAPI.message(in: Data(body.utf8)) == String(repeating: "x", count: 200))
    }
}
