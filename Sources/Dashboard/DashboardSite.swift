import Hummingbird

/// The dashboard as the server mounts it: its pages, who may see what (`DashboardAccess`), and the
/// routes of the sign-in. `shipshape serve` makes one only when the configuration has a
/// `dashboard:` section.
package struct DashboardSite: Sendable {
    package let pages: DashboardPages
    package let routeProviders: [any DashboardRouteProvider]

    package init(pages: DashboardPages, routeProviders: [any DashboardRouteProvider] = []) {
        self.pages = pages
        self.routeProviders = routeProviders
    }

    package func addRoutes(to router: Router<BasicRequestContext>) {
        for provider in routeProviders { provider.addRoutes(to: router) }
        pages.addRoutes(to: router)
    }
}
