import Bot
import Dashboard
import Vulnerabilities

extension BotService {
    /// The dashboard, when the configuration has a `dashboard:` section; its access and sign-in
    /// routes come from `dashboardSignIn()`. `imageScans`: where the branch scans record their
    /// images (the advisory database, or the PostgreSQL queue), when `vulnerabilities:` is configured.
    func dashboardSite(imageScans: (any ImageScanArchive)?) throws -> DashboardSite? {
        guard configuration.dashboard != nil else { return nil }
        let signIn = try dashboardSignIn()
        var pages = DashboardPages(
            access: signIn.access, database: queue, forges: configuration.forges.map(\.endpoint),
            templates: try DashboardTemplates())
        pages.imageScans = imageScans
        return DashboardSite(pages: pages, routeProviders: signIn.routes)
    }
}
