import Bot
import Dashboard

extension BotService {
    /// The dashboard, when the configuration has a `dashboard:` section. The hook for the forge
    /// sign-in: it supplies the `DashboardAccess` and its routes here.
    func dashboardSite() throws -> DashboardSite? {
        guard configuration.dashboard != nil else { return nil }
        return DashboardSite(pages: DashboardPages(access: NobodySignedIn()), routeProviders: [])
    }
}
