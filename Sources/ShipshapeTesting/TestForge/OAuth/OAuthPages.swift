import Foundation

/// The forge's side of the OAuth web flow: the authorize page a browser visits (here it asks
/// which seeded user is signing in instead of a password), the redirect back with a code, and
/// the token endpoint, answering as each forge documents (see `OAuthContract`).
enum OAuthPages {
    static let tokenPrefix = "oauth-token-"

    /// The two paths of `flavor`: GitHub and Gitea under `/login/oauth/`, GitLab under `/oauth/`.
    static func paths(_ flavor: TestForgeState.Flavor) -> (authorize: String, token: String) {
        flavor == .gitlab
            ? ("/oauth/authorize", "/oauth/token") : ("/login/oauth/authorize", "/login/oauth/access_token")
    }

    /// The answer when `request` is one of the flow's; nil for the REST API's requests.
    static func answer(_ request: ReceivedRequest, store: ForgeStore) -> ServedResponse? {
        let paths = paths(store.flavor)
        switch (request.method, request.path) {
        case ("GET", paths.authorize): return authorizePage(request.queryItems, store: store)
        case ("POST", paths.authorize): return grant(form(request), store: store)
        case ("POST", paths.token): return OAuthTokenAnswers.answer(form(request), store: store)
        default: return nil
        }
    }

    /// Form fields, or a JSON object's string fields (Gitea takes either).
    static func form(_ request: ReceivedRequest) -> [String: String] {
        if request.header("Content-Type")?.hasPrefix("application/json") == true,
            let object = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any]
        {
            return object.compactMapValues { $0 as? String }
        }
        return ReceivedRequest(method: "POST", path: "", query: String(decoding: request.body, as: UTF8.self))
            .queryItems
    }

    /// A bad client or redirect address is shown to the person, never redirected to (RFC 6749 4.1.2.1).
    private static func authorizePage(_ query: [String: String], store: ForgeStore) -> ServedResponse {
        guard let oauth = store.oauth, query["client_id"] == oauth.clientID else {
            return html(404, "<p>No application with that client id.</p>")
        }
        guard query["redirect_uri"] == oauth.redirectURI else {
            return html(400, "<p>The redirect_uri is not the one registered for this application.</p>")
        }
        let hidden = ["client_id", "redirect_uri", "state", "scope", "response_type"].compactMap { name in
            query[name].map { "<input type=\"hidden\" name=\"\(name)\" value=\"\(escape($0))\">" }
        }
        let buttons = store.users.filter { !$0.isBot && !$0.isInstallation }.map {
            "<button type=\"submit\" name=\"login\" value=\"\(escape($0.login))\" id=\"as-\(escape($0.login))\">"
                + "Sign in as \(escape($0.login))</button>"
        }
        let body =
            "<h1>Authorize the application</h1><form method=\"post\" action=\"\(paths(store.flavor).authorize)\">"
            + (hidden + buttons).joined() + "</form>"
        return html(200, body)
    }

    /// The person chose who they are: back to the application with a fresh code and its state.
    private static func grant(_ form: [String: String], store: ForgeStore) -> ServedResponse {
        guard var oauth = store.oauth, form["client_id"] == oauth.clientID, form["redirect_uri"] == oauth.redirectURI,
            let login = form["login"], store.user(login: login) != nil,
            var target = URLComponents(string: oauth.redirectURI)
        else {
            return html(400, "<p>That authorization cannot be granted.</p>")
        }
        oauth.issued += 1
        let code = String(format: "code%08x%04x", stableNumber(login), oauth.issued)
        oauth.grants[code] = .init(login: login, redirectURI: oauth.redirectURI)
        store.oauth = oauth
        target.queryItems =
            (target.queryItems ?? []) + [URLQueryItem(name: "code", value: code)]
            + (form["state"].map { [URLQueryItem(name: "state", value: $0)] } ?? [])
        return ServedResponse(status: 302, headers: [("Location", target.url?.absoluteString ?? oauth.redirectURI)])
    }

    static func html(_ status: Int, _ body: String) -> ServedResponse {
        ServedResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8")],
            body: Data("<!doctype html><html><head><title>Test forge</title></head><body>\(body)</body></html>".utf8))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
