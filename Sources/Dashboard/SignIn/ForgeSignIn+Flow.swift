import Bot
import Forge
import Foundation
import Logging

extension ForgeSignIn {
    /// `GET /dashboard/sign-in?forge=&next=`: to the forge's authorize page with a fresh state,
    /// which a signed cookie binds to this browser; with several forges and none chosen, a page
    /// to choose one.
    func start(forge: String?, next: String?) -> SignInAnswer {
        let next = SignInPaths.safeNext(next)
        let kind = forge.flatMap(ForgeKind.init(rawValue:)) ?? (flows.count == 1 ? flows.keys.first : nil)
        guard let kind, let flow = flows[kind] else {
            let forges = flows.keys.map(\.rawValue).sorted().map { forge -> [String: Any] in
                [
                    "name": Self.forgeName(forge),
                    "link": SignInPaths.signIn + "?forge=" + forge + "&next=" + DashboardResponse.queryValue(next),
                ]
            }
            return .page(200, templates.page(.signIn, viewer: nil, ["title": "Sign in", "forges": forges]))
        }
        let attempt = SignInAttempt(
            state: SessionKeys.randomToken(), forge: kind.rawValue, next: next,
            expires: epochSeconds + Self.attemptSeconds)
        return .redirect(
            flow.authorizeURL(state: attempt.state).absoluteString,
            setting: [cookies.setCookie(CookieJar.attempt, attempt, maxAge: Self.attemptSeconds)])
    }

    /// `GET /dashboard/oauth/callback?code=&state=`: the state must be this browser's attempt's;
    /// the code becomes a token, the token a user, and the user a session cookie.
    func callback(code: String?, state: String?, error: String?, cookieHeader: String?) async -> SignInAnswer {
        let clearAttempt = cookies.clearCookie(CookieJar.attempt)
        guard let attempt = cookies.read(SignInAttempt.self, named: CookieJar.attempt, from: cookieHeader),
            attempt.expires > epochSeconds, let state, !state.isEmpty, state == attempt.state,
            let kind = ForgeKind(rawValue: attempt.forge), let flow = flows[kind]
        else {
            return failure(400, "This sign-in was not started here, or took too long.", clearAttempt)
        }
        if let error {
            return failure(403, "The forge did not sign you in (\(error)).", clearAttempt)
        }
        guard let code, !code.isEmpty else { return failure(400, "The forge sent no code.", clearAttempt) }
        do {
            let token = try await flow.exchange(code: code)
            let user = try await flow.signedInUser(token: token.value)
            guard let sealed = cookies.keys.seal(token.value) else {
                return failure(500, "The session could not be made.", clearAttempt)
            }
            // The session ends before the forge token does (Gitea's last an hour, GitLab's two):
            // past it, every question to the forge would fail and every repository look hidden.
            let lifetime = min(
                Int(settings.sessionLifetime.components.seconds),
                token.expiresIn.map { max(60, $0 - Self.tokenMarginSeconds) } ?? Int.max)
            let session = DashboardSession(
                id: SessionKeys.randomToken(), forge: kind.rawValue, login: user.login,
                csrfToken: SessionKeys.randomToken(), expires: epochSeconds + lifetime, sealedToken: sealed)
            logger.info("\(user.login) signed in to the dashboard with \(kind.rawValue)")
            return .redirect(
                attempt.next, setting: [clearAttempt, cookies.setCookie(CookieJar.session, session, maxAge: lifetime)])
        } catch {
            logger.warning("dashboard sign-in with \(kind.rawValue) failed: \(error)")
            return failure(502, "The forge refused the sign-in; try again.", clearAttempt)
        }
    }

    /// `GET /dashboard/sign-out`: a button that posts the sign-out with the session's CSRF token
    /// (a link alone could be followed by another site on the person's behalf).
    func signOutPage(cookieHeader: String?) -> SignInAnswer {
        guard let session = session(cookieHeader) else { return .redirect(SignInPaths.home) }
        return .page(200, templates.page(.signOut, viewer: viewer(of: session), ["title": "Sign out"]))
    }

    /// `POST /dashboard/sign-out` with the session's `csrf`: the session cookie is cleared.
    func signOut(cookieHeader: String?, csrf: String?) -> SignInAnswer {
        guard let session = session(cookieHeader) else { return .redirect(SignInPaths.home) }
        guard let csrf, DashboardPages.sameToken(csrf, session.csrfToken) else {
            return failure(403, "The form was not this session's.", nil)
        }
        return .page(
            200, templates.page(.signedOut, viewer: nil, ["title": "Signed out"]),
            setting: [cookies.clearCookie(CookieJar.session)])
    }

    private func failure(_ status: Int, _ why: String, _ cookie: String?) -> SignInAnswer {
        .page(
            status,
            templates.page(.error, viewer: nil, ["title": "Sign-in failed", "message": why, "signIn": true]),
            setting: cookie.map { [$0] } ?? [])
    }

    static func forgeName(_ kind: String) -> String {
        ["github": "GitHub", "gitea": "Gitea or Forgejo", "gitlab": "GitLab"][kind] ?? kind
    }
}
