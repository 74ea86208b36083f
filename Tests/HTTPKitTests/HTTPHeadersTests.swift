import HTTPKit
import Testing

@Suite struct HTTPHeadersTests {
    @Test func looksUpNamesCaseInsensitivelyAndReplacesOnAssignment() {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        headers.add("Link", "<a>; rel=\"next\"")
        headers.add("link", "<b>; rel=\"last\"")
        #expect(headers["content-type"] == "application/json")
        #expect(headers.values("LINK").count == 2)
        headers["CONTENT-TYPE"] = "text/plain"
        #expect(headers.values("Content-Type") == ["text/plain"])
    }
}
