import ShipshapeTesting
import Testing

@Suite struct ReceivedRequestTests {
    @Test func decodesQueryItemsAndFindsHeadersCaseInsensitively() {
        let request = ReceivedRequest(
            method: "GET", path: "/repos/o/r/pulls", query: "head=o%3Afeature&state=open&per_page=100",
            headers: [("X-GitHub-Api-Version", "2022-11-28")])
        #expect(request.queryItems["head"] == "o:feature")
        #expect(request.queryItems["per_page"] == "100")
        #expect(request.header("x-github-api-version") == "2022-11-28")
    }
}
