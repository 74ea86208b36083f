import Foundation

/// The OAuth web flow as the forges document it, which their REST descriptions leave out: what
/// a client must send to the authorize page and the token endpoint, and what the token endpoint
/// answers. Sources: GitHub "Authorizing OAuth apps" and "Troubleshooting OAuth app access token
/// request errors"; Gitea "OAuth2 provider"; GitLab "OAuth 2.0 identity provider API"; RFC 6749
/// section 4.1 for what all three follow.
enum OAuthContract {
    /// Violations of one exchange, or nil when the request is not part of the flow.
    static func check(_ flavor: TestForgeState.Flavor, _ request: ReceivedRequest, _ response: ServedResponse)
        -> [String]?
    {
        let paths = OAuthPages.paths(flavor)
        switch (request.method, request.path) {
        case ("GET", paths.authorize): return authorizeRequest(flavor, request.queryItems)
        case ("POST", paths.authorize): return []  // the stand-in's own consent form, not an API
        case ("POST", paths.token): return tokenRequest(flavor, request) + tokenResponse(flavor, response)
        default: return nil
        }
    }

    /// `client_id` always; `redirect_uri` and `response_type=code` where documented as required
    /// (Gitea, GitLab; GitHub takes the registered address when it is left out); `state` because
    /// the dashboard relies on it against cross-site request forgery, as every forge advises.
    private static func authorizeRequest(_ flavor: TestForgeState.Flavor, _ query: [String: String]) -> [String] {
        let required = ["client_id", "state"] + (flavor == .github ? [] : ["redirect_uri", "response_type"])
        return fields(query, required: required, fixed: ["response_type": "code"], in: "authorize: query parameter")
    }

    private static func tokenRequest(_ flavor: TestForgeState.Flavor, _ request: ReceivedRequest) -> [String] {
        var violations: [String] = []
        let type = request.header("Content-Type") ?? ""
        let json = type.hasPrefix("application/json")
        if !type.hasPrefix("application/x-www-form-urlencoded") && !(json && flavor != .gitlab) {
            violations.append("token: body must be a form (application/x-www-form-urlencoded), not `\(type)`")
        }
        // GitHub answers in the form encoding unless JSON is asked for.
        if flavor == .github, request.header("Accept")?.contains("application/json") != true {
            violations.append("token: without `Accept: application/json` GitHub answers form-encoded")
        }
        let required =
            ["client_id", "client_secret", "code"] + (flavor == .github ? [] : ["grant_type", "redirect_uri"])
        return violations
            + fields(
                OAuthPages.form(request), required: required, fixed: ["grant_type": "authorization_code"],
                in: "token: form field")
    }

    /// The names of `required` missing from `values`, and the `fixed` ones with another value.
    private static func fields(
        _ values: [String: String], required: [String], fixed: [String: String], in what: String
    ) -> [String] {
        required.filter { (values[$0] ?? "").isEmpty }.map { "\(what) `\($0)` is missing" }
            + fixed.sorted { $0.key < $1.key }.compactMap { name, expected in
                values[name].flatMap { $0 == expected ? nil : "\(what) `\(name)` must be `\(expected)`, not `\($0)`" }
            }
    }

    /// Success: `access_token` and `token_type`, with `scope` (GitHub), `expires_in` and
    /// `refresh_token` (Gitea, GitLab) and `created_at` (GitLab). Refusal: `error` and `error_description`.
    private static func tokenResponse(_ flavor: TestForgeState.Flavor, _ response: ServedResponse) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            return ["token: the answer is not a JSON object"]
        }
        if object["error"] != nil {
            let allowed: Set<Int> = flavor == .github ? [200] : [400, 401]
            return
                (object["error"] is String && object["error_description"] is String
                ? [] : ["token: a refusal needs `error` and `error_description` strings"])
                + (allowed.contains(response.status) ? [] : ["token: a refusal with status \(response.status)"])
        }
        var fields: [(String, (Any) -> Bool)] = [("access_token", { $0 is String }), ("token_type", { $0 is String })]
        switch flavor {
        case .github: fields.append(("scope", { $0 is String }))
        case .gitea: fields += [("expires_in", { $0 is Int }), ("refresh_token", { $0 is String })]
        case .gitlab:
            fields += [
                ("expires_in", { $0 is Int }), ("refresh_token", { $0 is String }), ("created_at", { $0 is Int }),
            ]
        }
        return fields.compactMap { name, isValid in
            object[name].map(isValid) == true ? nil : "token: `\(name)` missing or of the wrong type"
        } + (response.status == 200 ? [] : ["token: success with status \(response.status)"])
    }
}
