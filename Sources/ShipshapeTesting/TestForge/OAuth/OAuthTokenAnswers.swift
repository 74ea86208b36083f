import Foundation

/// The token endpoint's answers, each forge's own: GitHub answers 200 even for a refused code,
/// with `error` in the body ("Troubleshooting OAuth app access token request errors"); Gitea and
/// GitLab answer 400 (401 for GitLab's unknown client) with RFC 6749's `error` codes.
enum OAuthTokenAnswers {
    static func answer(_ form: [String: String], store: ForgeStore) -> ServedResponse {
        guard var oauth = store.oauth, form["client_id"] == oauth.clientID, form["client_secret"] == oauth.clientSecret
        else {
            return refusal(
                store.flavor, github: "incorrect_client_credentials", standard: "invalid_client",
                "The client_id and/or client_secret passed are incorrect.")
        }
        guard let code = form["code"], let grant = oauth.grants[code], !grant.used else {
            return refusal(
                store.flavor, github: "bad_verification_code", standard: "invalid_grant",
                "The code passed is incorrect or expired.")
        }
        // GitHub checks the redirect address only when it is sent; the others require it.
        if form["redirect_uri"] != grant.redirectURI && (store.flavor != .github || form["redirect_uri"] != nil) {
            return refusal(
                store.flavor, github: "redirect_uri_mismatch", standard: "invalid_grant",
                "The redirect_uri MUST match the registered callback URL for this application.")
        }
        guard let user = store.user(login: grant.login) else {
            return refusal(store.flavor, github: "bad_verification_code", standard: "invalid_grant", "No such user.")
        }
        oauth.grants[code]?.used = true
        store.oauth = oauth
        let token = OAuthPages.tokenPrefix + String(format: "%016llx", stableHash(Data((code + "token").utf8)))
        store.tokens[token] = user
        switch store.flavor {
        case .github:
            return .json(200, ["access_token": token, "token_type": "bearer", "scope": "repo"])
        case .gitea:
            return .json(
                200,
                [
                    "access_token": token, "token_type": "bearer", "expires_in": 3600,
                    "refresh_token": "refresh-" + token,
                ])
        case .gitlab:
            return .json(
                200,
                [
                    "access_token": token, "token_type": "Bearer", "expires_in": 7200,
                    "refresh_token": "refresh-" + token, "scope": "read_api", "created_at": store.currentEpochSeconds,
                ])
        }
    }

    private static func refusal(
        _ flavor: TestForgeState.Flavor, github: String, standard: String, _ description: String
    ) -> ServedResponse {
        switch flavor {
        case .github:
            return .json(
                200,
                [
                    "error": github, "error_description": description,
                    "error_uri":
                        "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors",
                ])
        case .gitea: return .json(400, ["error": standard, "error_description": description])
        case .gitlab:
            return .json(
                standard == "invalid_client" ? 401 : 400, ["error": standard, "error_description": description])
        }
    }
}
