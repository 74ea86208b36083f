import Bot
import Dashboard

extension BotService {
    /// The dashboard, when the configuration has a `dashboard:` section; its access and sign-in
    /// routes come from `dashboardSignIn()`.
    func dashboardSite() throws -> DashboardSite? {
        guard configuration.dashboard != nil else { return nil }
        let signIn = try dashboardSignIn()
        let pages = DashboardPages(
            access: signIn.access, database: queue, forges: configuration.forges.map(\.endpoint),
            templates: try DashboardTemplates())
        return DashboardSite(pages: pages, routeProviders: signIn.routes)
    }
}
