import Bot
import Dashboard

extension BotService {
    /// The dashboard, when the configuration has a `dashboard:` section. With its sign-in
    /// settings people sign in through their forge (`ForgeSignIn`); without them nobody can.
    func dashboardSite() throws -> DashboardSite? {
        guard let dashboard = configuration.dashboard else { return nil }
        guard let signInSettings = dashboard.signIn else {
            return DashboardSite(pages: DashboardPages(access: NobodySignedIn()), routeProviders: [])
        }
        let signIn = ForgeSignIn(
            settings: signInSettings, endpoints: configuration.forges.map(\.endpoint),
            client: HTTPClientFactory.make(
                caBundle: configuration.caBundlePath, plainHTTPHosts: configuration.plainHTTPForgeHosts),
            logger: logger)
        return DashboardSite(pages: DashboardPages(access: signIn), routeProviders: [signIn])
    }
}
