import Bot
import Dashboard

extension BotService {
    /// Who may see the dashboard and the routes that sign them in: the forge sign-in
    /// (`ForgeSignIn`) when `dashboard:` has its settings (`publicURL`, `sessionSecret`, `oauth`);
    /// without them nobody can sign in.
    func dashboardSignIn(templates: DashboardTemplates) throws -> (
        access: any DashboardAccess, routes: [any DashboardRouteProvider]
    ) {
        guard let settings = configuration.dashboard?.signIn else { return (NobodySignedIn(), []) }
        let signIn = ForgeSignIn(
            settings: settings, endpoints: configuration.forges.map(\.endpoint),
            client: HTTPClientFactory.make(
                caBundle: configuration.caBundlePath, plainHTTPHosts: configuration.plainHTTPForgeHosts),
            templates: templates, logger: logger)
        return (signIn, [signIn])
    }
}
