import Hummingbird

/// The dashboard's pages: overview, repository, jobs. Every page asks `access` who is looking first.
public struct DashboardPages: Sendable {
    public let access: any DashboardAccess

    public init(access: any DashboardAccess) {
        self.access = access
    }

    func addRoutes(to router: Router<BasicRequestContext>) {}
}
