import Hummingbird

/// The dashboard as the server mounts it: its pages, who may see what (`DashboardAccess`), and the
/// routes of the sign-in. `shipshape serve` makes one only when the configuration has a
/// `dashboard:` section.
public struct DashboardSite: Sendable {
    public let pages: DashboardPages
    public let routeProviders: [any DashboardRouteProvider]

    public init(pages: DashboardPages, routeProviders: [any DashboardRouteProvider] = []) {
        self.pages = pages
        self.routeProviders = routeProviders
    }

    public func addRoutes(to router: Router<BasicRequestContext>) {
        for provider in routeProviders { provider.addRoutes(to: router) }
        pages.addRoutes(to: router)
    }
}
