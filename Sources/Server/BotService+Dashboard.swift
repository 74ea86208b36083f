import Bot
import Dashboard
import Vulnerabilities

extension BotService {
    /// The dashboard, when the configuration has a `dashboard:` section; its access and sign-in
    /// routes come from `dashboardSignIn()`. `imageScans`: where the branch scans record their
    /// images (the advisory database, or the PostgreSQL queue), when `vulnerabilities:` is
    /// configured. A `dashboard.templates` folder that cannot be used stops the start with an
    /// error naming the template and its file.
    func dashboardSite(imageScans: (any ImageScanArchive)?) throws -> DashboardSite? {
        guard let settings = configuration.dashboard else { return nil }
        let templates: DashboardTemplates
        do {
            templates = try DashboardTemplates(overrides: settings.templates)
        } catch {
            throw DashboardTemplates.TemplateError(description: "dashboard.templates: \(error)")
        }
        let signIn = try dashboardSignIn(templates: templates)
        var pages = DashboardPages(
            access: signIn.access, database: queue, forges: configuration.forges.map(\.endpoint),
            templates: templates)
        pages.imageScans = imageScans
        return DashboardSite(pages: pages, routeProviders: signIn.routes)
    }
}
