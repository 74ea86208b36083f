import Hummingbird

/// Routes under `/dashboard/` that are not pages of scan results: the forge sign-in adds
/// `/dashboard/sign-in`, `/dashboard/oauth/callback` and `/dashboard/sign-out` through this.
package protocol DashboardRouteProvider: Sendable {
    func addRoutes(to router: Router<BasicRequestContext>)
}
