import Foundation

/// The token service of a registry in token mode, as Docker's token protocol describes it:
/// `GET /token?service=SERVICE&scope=repository:NAME:pull,push` with Basic credentials answers
/// `{"token": JWT}` granting the asked scopes; without (or with wrong) credentials it answers 401.
///
/// `@unchecked Sendable`: the request counter is guarded by `lock`; the rest is immutable.
final class RegistryTokenIssuer: @unchecked Sendable {
    static let service = "shipshape-registry"
    static let issuer = "shipshape-token-service"
    /// Requests carrying this user agent are the fixture's own (it pushes through the same flow)
    /// and are left out of the counts tests read.
    static let fixtureUserAgent = "shipshape-registry-fixture"

    let signer: RegistryTokenSigner
    private let user: String
    private let password: String
    private let lock = NSLock()
    private var counted = 0

    init(user: String, password: String, signer: RegistryTokenSigner) {
        self.user = user
        self.password = password
        self.signer = signer
    }

    var requestsServed: Int { lock.withLock { counted } }

    func reply(to request: ReceivedRequest) -> ServerReply {
        if request.header("User-Agent") != Self.fixtureUserAgent { lock.withLock { counted += 1 } }
        guard request.method == "GET", request.path == "/token" else {
            return .respond(.json(404, ["error": "not found"]))
        }
        guard request.header("Authorization") == Self.basicAuthorization(user: user, password: password) else {
            return .respond(
                .json(
                    401, ["errors": [["code": "UNAUTHORIZED", "message": "credentials required"]]],
                    headers: [("WWW-Authenticate", "Basic realm=\"\(Self.service)\"")]))
        }
        guard request.queryItems["service"] == Self.service else {
            return .respond(.json(400, ["errors": [["code": "DENIED", "message": "unknown service"]]]))
        }
        let now = Int(Date().timeIntervalSince1970)
        let claims: [String: Any] = [
            "iss": Self.issuer, "sub": user, "aud": Self.service,
            "iat": now, "nbf": now - 10, "exp": now + 300, "jti": UUID().uuidString,
            "access": Self.scopes(inQuery: request.query).compactMap(Self.access),
        ]
        do {
            let token = try signer.token(claims: claims)
            return .respond(
                .json(
                    200,
                    [
                        "token": token, "access_token": token, "expires_in": 300,
                        "issued_at": ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(now))),
                    ]))
        } catch {
            return .respond(.json(500, ["errors": [["code": "UNKNOWN", "message": "\(error)"]]]))
        }
    }

    static func basicAuthorization(user: String, password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    /// Every `scope` parameter: clients may ask for several at once, which `queryItems` would fold.
    private static func scopes(inQuery query: String) -> [String] {
        query.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == "scope" else { return nil }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
    }

    /// "repository:team/app:pull,push" → an access claim; the name is everything between the first
    /// and the last colon.
    private static func access(_ scope: String) -> [String: Any]? {
        let parts = scope.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        return [
            "type": String(parts[0]), "name": parts[1..<(parts.count - 1)].joined(separator: ":"),
            "actions": parts[parts.count - 1].split(separator: ",").map(String.init),
        ]
    }
}
