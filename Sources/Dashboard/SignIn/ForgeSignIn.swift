import Bot
import Forge
import Foundation
import HTTPKit
import Logging

/// Who may see what on the dashboard: people sign in through their forge's OAuth web flow, their
/// session lives in a signed cookie (with their forge token sealed inside), and the forge decides
/// which repositories they may read, asked once per session and repository and kept for
/// `permissionCacheLifetime`. Administrators come from `dashboard.admins`.
package struct ForgeSignIn: DashboardAccess, DashboardRouteProvider {
    let settings: DashboardSignInSettings
    let flows: [ForgeKind: any OAuthSignIn]
    let cookies: CookieJar
    let cache: ReadPermissionCache
    let sessions = SignedInSessions()
    let templates: DashboardTemplates
    let logger: Logger
    let now: @Sendable () -> Date
    /// How long a sign-in attempt (from the forge's page back to the callback) may take.
    static let attemptSeconds = 600
    /// A session ends this long before its forge token expires.
    static let tokenMarginSeconds = 60

    /// `endpoints`: the configured forges; those with an OAuth client in `settings` offer sign-in.
    package init(
        settings: DashboardSignInSettings, endpoints: [ForgeEndpoint], client: any HTTPClient,
        templates: DashboardTemplates, logger: Logger = Logger(label: "shipshape.dashboard.sign-in"),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.settings = settings
        var flows: [ForgeKind: any OAuthSignIn] = [:]
        for endpoint in endpoints {
            guard let application = settings.oauth[endpoint.kind] else { continue }
            flows[endpoint.kind] = endpoint.oauthSignIn(
                application: OAuthApplication(
                    clientID: application.clientID, clientSecret: application.clientSecret,
                    redirectURI: settings.callbackURL, scope: application.scope),
                client: client)
        }
        self.flows = flows
        cookies = CookieJar(
            keys: SessionKeys(secret: settings.sessionSecret), secure: settings.publicURL.scheme == "https")
        cache = ReadPermissionCache(lifetime: settings.permissionCacheLifetime, now: now)
        self.templates = templates
        self.logger = logger
        self.now = now
    }

    var epochSeconds: Int { Int(now().timeIntervalSince1970) }

    /// The session of a `Cookie` header: signed by this server's key and not expired.
    func session(_ cookieHeader: String?) -> DashboardSession? {
        guard let session = cookies.read(DashboardSession.self, named: CookieJar.session, from: cookieHeader),
            session.expires > epochSeconds, ForgeKind(rawValue: session.forge).map({ flows[$0] != nil }) == true
        else { return nil }
        return session
    }

    package func viewer(cookieHeader: String?) async -> DashboardViewer? {
        guard let session = session(cookieHeader), let viewer = viewer(of: session) else { return nil }
        await sessions.remember(session, as: viewer, now: epochSeconds)
        return viewer
    }

    func viewer(of session: DashboardSession) -> DashboardViewer? {
        guard let forge = ForgeKind(rawValue: session.forge) else { return nil }
        return DashboardViewer(
            login: session.login, forge: session.forge, isAdmin: settings.isAdmin(login: session.login, forge: forge),
            csrfToken: session.csrfToken)
    }

    /// Asks the forge the viewer signed in with; a repository of another forge is not theirs to read.
    package func canRead(_ viewer: DashboardViewer, forge: String, repository: String) async -> Bool {
        guard forge == viewer.forge, let kind = ForgeKind(rawValue: forge), let flow = flows[kind],
            let id = RepositoryID(repository), let session = await sessions.session(of: viewer, now: epochSeconds),
            let token = cookies.keys.open(session.sealedToken)
        else { return false }
        let logger = self.logger
        return await cache.canRead(session: session.id, forge: forge, repository: repository) {
            do {
                return try await flow.canRead(repository: id, token: token)
            } catch {
                logger.warning(
                    "could not ask \(forge) whether \(viewer.login) may read \(repository): \(error)",
                    metadata: ["repository": "\(repository)", "login": "\(viewer.login)"])
                return nil
            }
        }
    }
}
