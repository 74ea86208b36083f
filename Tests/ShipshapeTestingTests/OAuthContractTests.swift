import Foundation
import Testing

@testable import ShipshapeTesting

/// The OAuth flow's contract finds what a client leaves out or gets wrong, forge by forge.
@Suite struct OAuthContractTests {
    static let form = [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")]

    @Test func anAuthorizeRequestWithoutStateOrTheCodeResponseTypeIsAViolation() throws {
        let request = ReceivedRequest(
            method: "GET", path: "/oauth/authorize",
            query: "client_id=a&redirect_uri=https%3A%2F%2Fx&response_type=token")
        let violations = try #require(OAuthContract.check(.gitlab, request, ServedResponse(status: 200)))
        #expect(
            violations == [
                "authorize: query parameter `state` is missing",
                "authorize: query parameter `response_type` must be `code`, not `token`",
            ])
        let github = ReceivedRequest(method: "GET", path: "/login/oauth/authorize", query: "client_id=a&state=s")
        #expect(OAuthContract.check(.github, github, ServedResponse(status: 200)) == [])
        #expect(
            OAuthContract.check(.github, ReceivedRequest(method: "GET", path: "/user"), ServedResponse(status: 200))
                == nil)
    }

    @Test func aTokenRequestMissingWhatTheForgeRequiresIsAViolation() throws {
        let body = Data("client_id=a&client_secret=b&code=c".utf8)
        let answer = ServedResponse.json(200, ["access_token": "t", "token_type": "bearer", "scope": "repo"])
        let github = ReceivedRequest(method: "POST", path: "/login/oauth/access_token", headers: Self.form, body: body)
        let gitea = ReceivedRequest(method: "POST", path: "/login/oauth/access_token", headers: Self.form, body: body)

        #expect(OAuthContract.check(.github, github, answer) == [])
        let violations = try #require(OAuthContract.check(.gitea, gitea, answer))
        #expect(violations.contains("token: form field `grant_type` is missing"))
        #expect(violations.contains("token: form field `redirect_uri` is missing"))
        #expect(violations.contains("token: `expires_in` missing or of the wrong type"))
    }

    @Test func aRefusalNeedsItsErrorAndTheForgesStatus() throws {
        let body = Data("client_id=a&client_secret=b&code=c&grant_type=authorization_code&redirect_uri=x".utf8)
        let request = ReceivedRequest(method: "POST", path: "/oauth/token", headers: Self.form, body: body)
        let refusal = ServedResponse.json(200, ["error": "invalid_grant"])
        #expect(
            OAuthContract.check(.gitlab, request, refusal) == [
                "token: a refusal needs `error` and `error_description` strings", "token: a refusal with status 200",
            ])
    }
}
