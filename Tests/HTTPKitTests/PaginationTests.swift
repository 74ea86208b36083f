import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@Suite struct PaginationTests {
    struct LinkCase: CustomTestStringConvertible, Sendable {
        let name: String
        let header: String
        let expected: [WebLink]
        var testDescription: String { name }
    }

    @Test(arguments: [
        LinkCase(
            name: "GitHub next and last",
            header:
                #"<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last""#,
            expected: [
                WebLink(
                    target: "https://api.github.com/repositories/1/issues?page=2", relations: ["next"],
                    parameters: ["rel": "next"]),
                WebLink(
                    target: "https://api.github.com/repositories/1/issues?page=5", relations: ["last"],
                    parameters: ["rel": "last"]),
            ]),
        LinkCase(
            name: "unquoted rel", header: "<https://gitlab.example/api/v4/projects?page=3>; rel=next",
            expected: [
                WebLink(
                    target: "https://gitlab.example/api/v4/projects?page=3", relations: ["next"],
                    parameters: ["rel": "next"])
            ]),
        LinkCase(
            name: "several rel values and other parameters",
            header: #"</items?page=2>; title="a, b; c"; REL="Next  Last""#,
            expected: [
                WebLink(
                    target: "/items?page=2", relations: ["next", "last"],
                    parameters: ["title": "a, b; c", "rel": "Next  Last"])
            ]),
        LinkCase(
            name: "comma inside the URL", header: #"<https://x.example/a?ids=1,2>; rel="next""#,
            expected: [
                WebLink(target: "https://x.example/a?ids=1,2", relations: ["next"], parameters: ["rel": "next"])
            ]),
        LinkCase(
            name: "garbage is skipped", header: #"not a link, <https://x.example/2>; rel="next""#,
            expected: [
                WebLink(target: "https://x.example/2", relations: ["next"], parameters: ["rel": "next"])
            ]),
        LinkCase(name: "empty", header: "", expected: []),
    ])
    func parsesLinkHeaders(_ testCase: LinkCase) {
        #expect(WebLink.parse(testCase.header) == testCase.expected)
    }

    @Test func resolvesRelativeNextLinksAgainstTheResponseURL() throws {
        let response = HTTPResponse(
            status: 200, headers: ["Link": #"</api/v1/repos?page=2>; rel="next""#],
            url: try #require(URL(string: "https://gitea.example/api/v1/repos?page=1")))
        #expect(response.link(rel: "next")?.absoluteString == "https://gitea.example/api/v1/repos?page=2")
        #expect(response.link(rel: "prev") == nil)
    }

    @Test func followsNextLinksAcrossThreePagesWithTheSameHeaders() async throws {
        let authorizations = CallCounter()
        let server = try LoopbackHTTPServer { request in
            if request.header("Authorization") == "Bearer page-token" { _ = authorizations.next() }
            let page = Int(request.queryItems["page"] ?? "1") ?? 1
            var headers: [(name: String, value: String)] = []
            if page < 3 {
                headers.append(("Link", #"</items?page=\#(page + 1)>; rel="next", </items?page=3>; rel="last""#))
            }
            return .respond(.json(200, [["page": page]], headers: headers))
        }
        defer { server.shutdown() }
        var request = HTTPRequest(url: server.baseURL.appending(path: "items"))
        request.headers["Authorization"] = "Bearer page-token"

        let pages = try await CurlHTTPClient().sendAllPages(request)

        #expect(pages.map(\.text) == [#"[{"page":1}]"#, #"[{"page":2}]"#, #"[{"page":3}]"#])
        #expect(authorizations.count == 3)
    }

    @Test func stopsAtTheMaximumPageCount() async throws {
        let server = try LoopbackHTTPServer { request in
            let page = Int(request.queryItems["page"] ?? "1") ?? 1
            return .respond(.json(200, [Int](), headers: [("Link", "</?page=\(page + 1)>; rel=next")]))
        }
        defer { server.shutdown() }

        let error = await #expect(throws: HTTPError.self) {
            try await CurlHTTPClient().sendAllPages(HTTPRequest(url: server.baseURL), maxPages: 5)
        }

        #expect(error?.description.contains("more than 5 pages") == true)
        #expect(server.requestsServed == 5)
    }

    /// GitLab and Gitea write their links with their configured external URL; behind an internal
    /// API address the page number is asked of that address, and nothing goes to the other host.
    @Test func followsTheNextPageOfALinkToAnotherOriginOnTheRequestsOwn() async throws {
        let authorizations = CallCounter()
        let server = try LoopbackHTTPServer { request in
            if request.header("Authorization") == "Bearer page-token" { _ = authorizations.next() }
            let page = Int(request.queryItems["page"] ?? "1") ?? 1
            let link =
                page < 3
                ? [
                    (
                        "Link",
                        #"<https://gitlab.external.example/api/v4/items?page=\#(page + 1)&per_page=2>; rel="next""#
                    )
                ] : []
            return .respond(.json(200, [["page": page]], headers: link))
        }
        defer { server.shutdown() }
        var request = HTTPRequest(
            url: try #require(URL(string: server.baseURL.appending(path: "items").absoluteString + "?per_page=2")))
        request.headers["Authorization"] = "Bearer page-token"

        let pages = try await CurlHTTPClient().sendAllPages(request)

        #expect(pages.map(\.text) == [#"[{"page":1}]"#, #"[{"page":2}]"#, #"[{"page":3}]"#])
        #expect(
            pages.map { $0.url.host } == Array(repeating: server.baseURL.host, count: 3),
            "every page from the configured host")
        #expect(authorizations.count == 3)
    }

    @Test func refusesALinkToAnotherOriginThatNamesNoPage() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(
                .json(200, [Int](), headers: [("Link", #"<https://elsewhere.example/steal?cursor=abc>; rel="next""#)]))
        }
        defer { server.shutdown() }

        let error = await #expect(throws: HTTPError.self) {
            try await CurlHTTPClient().sendAllPages(HTTPRequest(url: server.baseURL))
        }

        #expect(error?.description.contains("another origin") == true)
        #expect(server.requestsServed == 1)
    }
}
