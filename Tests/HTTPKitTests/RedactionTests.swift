import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@Suite struct RedactionTests {
    struct URLCase: CustomTestStringConvertible, Sendable {
        let input: String
        let expected: String
        var testDescription: String { expected }
    }

    @Test(arguments: [
        URLCase(
            input: "https://x-access-token:ghs_secret@github.com/acme/app.git",
            expected: "https://REDACTED@github.com/acme/app.git"),
        URLCase(
            input: "https://gitlab.example/api/v4/projects?private_token=glpat-secret&page=2",
            expected: "https://gitlab.example/api/v4/projects?private_token=REDACTED&page=2"),
        URLCase(
            input: "https://gitea.example/api/v1/user?access_token=abc&token=def&client_secret=ghi",
            expected: "https://gitea.example/api/v1/user?access_token=REDACTED&token=REDACTED&client_secret=REDACTED"),
        URLCase(
            input: "https://example.com/oauth?refresh_token=r1&state=ok",
            expected: "https://example.com/oauth?refresh_token=REDACTED&state=ok"),
        URLCase(
            input: "https://api.github.com/repos/acme/app/pulls?state=open",
            expected: "https://api.github.com/repos/acme/app/pulls?state=open"),
    ])
    func redactsCredentialsInURLs(_ testCase: URLCase) throws {
        #expect(Redaction.url(try #require(URL(string: testCase.input))) == testCase.expected)
    }

    @Test func redactsCredentialHeadersInRequestDescriptions() throws {
        var request = HTTPRequest(
            method: .post,
            url: try #require(URL(string: "https://gitlab.example/api/v4/projects?private_token=glpat-query")))
        request.headers["Authorization"] = "Bearer ghp_header"
        request.headers["PRIVATE-TOKEN"] = "glpat-header"
        request.headers["Proxy-Authorization"] = "Basic cHJveHk="
        request.headers["Cookie"] = "session=cookie-secret"
        request.headers["Accept"] = "application/json"

        let texts = [request.description, request.debugDescription, "\(request)", String(describing: request.headers)]

        for text in texts {
            for secret in ["glpat-query", "ghp_header", "glpat-header", "cHJveHk=", "cookie-secret"] {
                #expect(!text.contains(secret), "\(secret) leaked into \(text)")
            }
        }
        #expect(request.debugDescription.contains("Accept: application/json"))
        #expect(request.debugDescription.contains("Authorization: REDACTED"))
    }

    @Test func keepsTokensOutOfErrorDescriptions() async throws {
        let server = try LoopbackHTTPServer { _ in .respondAfter(.seconds(3), .text(200, "late")) }
        defer { server.shutdown() }
        var components = try #require(
            URLComponents(url: server.baseURL.appending(path: "api/v4/projects"), resolvingAgainstBaseURL: false))
        components.user = "oauth2"
        components.password = "glpat-userinfo-secret"
        components.queryItems = [URLQueryItem(name: "access_token", value: "gho_query_secret")]
        var request = HTTPRequest(url: try #require(components.url), timeout: .milliseconds(200))
        request.headers["Authorization"] = "Bearer ghp_header_secret"
        let client = RetryingHTTPClient(
            wrapping: CurlHTTPClient(), policy: RetryPolicy(maximumAttempts: 2, baseDelay: .milliseconds(1)),
            clock: RecordingClock())

        let error = await #expect(throws: HTTPError.self) { try await client.send(request) }

        let description = try #require(error?.description)
        #expect(description.contains("failed after 2 attempts"))
        #expect(description.contains("access_token=REDACTED"))
        for secret in ["glpat-userinfo-secret", "oauth2", "gho_query_secret", "ghp_header_secret"] {
            #expect(!description.contains(secret), "\(secret) leaked into \(description)")
        }
    }
}
