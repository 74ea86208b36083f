import Foundation
import HTTPKit
import JSONKit

/// A forge's OAuth web flow ("authorization code" grant) and the two questions the dashboard
/// asks with the user token it yields: who is this, and may they read this repository.
package protocol OAuthSignIn: Sendable {
    var kind: ForgeKind { get }
    /// Where to send the browser: the forge's authorize page with the client id, the redirect
    /// address, the scopes and `state` (which the callback must bring back unchanged).
    func authorizeURL(state: String) -> URL
    /// Trades the code the forge sent back for a user access token.
    func exchange(code: String) async throws -> OAuthToken
    func signedInUser(token: String) async throws -> SignedInUser
    /// True when the forge lets the token's owner read `owner/name`; false when it hides or
    /// refuses the repository. Other failures throw (the dashboard then shows nothing).
    func canRead(repository: RepositoryID, token: String) async throws -> Bool
}

extension ForgeEndpoint {
    /// The sign-in flow of this endpoint's forge for `application`.
    package func oauthSignIn(application: OAuthApplication, client: any HTTPClient) -> any OAuthSignIn {
        ForgeOAuth(
            kind: kind, webRoot: Self.webRoot(apiRoot: apiRoot), apiRoot: apiRoot, application: application,
            client: client)
    }

    /// Where people use the forge in a browser: github.com for api.github.com, else the API root
    /// without its `/api/v3`, `/api/v1` or `/api/v4`.
    static func webRoot(apiRoot: URL) -> URL {
        if apiRoot.host == "api.github.com" { return URL(string: "https://github.com")! }
        var text = apiRoot.absoluteString.trimmingSuffix("/")
        for suffix in ["/api/v3", "/api/v1", "/api/v4"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
        }
        return URL(string: text) ?? apiRoot
    }
}

/// What the three flows share: the authorize address and the token request, both as RFC 6749
/// (section 4.1) describes them and the forges document them.
struct OAuthEndpoints: Sendable {
    let authorize: URL
    let token: URL
    let application: OAuthApplication
    let scope: String
    let client: any HTTPClient

    func authorizeURL(state: String) -> URL {
        var components = URLComponents(url: authorize, resolvingAgainstBaseURL: false)!
        components.queryItems = [
            URLQueryItem(name: "client_id", value: application.clientID),
            URLQueryItem(name: "redirect_uri", value: application.redirectURI.absoluteString),
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "scope", value: scope),
            URLQueryItem(name: "state", value: state),
        ]
        return components.url ?? authorize
    }

    /// POSTs the code as a form and reads `access_token` (and `expires_in`, when given) from the
    /// JSON answer. GitHub answers 200 with `error` for a bad code; Gitea and GitLab answer 400 or
    /// 401 with `error`.
    func exchange(code: String) async throws -> OAuthToken {
        let form = [
            ("client_id", application.clientID), ("client_secret", application.clientSecret), ("code", code),
            ("grant_type", "authorization_code"), ("redirect_uri", application.redirectURI.absoluteString),
        ]
        let request = HTTPRequest(
            method: .post, url: token,
            headers: ["Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"],
            body: Data(FormEncoding.encode(form).utf8))
        let response = try await client.send(request)
        let path = token.path
        let answer = try? JSONValue(jsonData: response.body)
        if let error = answer?["error"]?.scalarText {
            // The description is the forge's; the code and the secret are not in it.
            let why = answer?["error_description"]?.scalarText.map { ": \($0)" } ?? ""
            throw ForgeError.status(code: response.status, method: "POST", path: path, message: error + why)
        }
        guard response.isSuccess else {
            throw ForgeError.status(
                code: response.status, method: "POST", path: path, message: ForgeAPI.message(in: response.body))
        }
        guard let accessToken = answer?["access_token"]?.scalarText, !accessToken.isEmpty else {
            throw ForgeError.unreadableResponse(method: "POST", path: path, reason: "no access_token")
        }
        // A number; a string of digits is taken too.
        let expiresIn = answer?["expires_in"].flatMap { $0.intValue ?? $0.stringValue.flatMap { Int($0) } }
            .flatMap { $0 > 0 && $0 < 1_000_000_000 ? $0 : nil }
        return OAuthToken(value: accessToken, expiresIn: expiresIn)
    }
}

/// `application/x-www-form-urlencoded` as the HTML standard writes it.
package enum FormEncoding {
    package static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    package static func decode(_ text: String) -> [(String, String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let unescape = { (part: Substring) in
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }

    private static func escape(_ text: String) -> String {
        // ASCII letters and digits and `*-._` stay; everything else is percent-encoded.
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*-._")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
