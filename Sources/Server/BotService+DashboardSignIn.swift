import Dashboard

extension BotService {
    /// Who may see the dashboard and the routes that sign them in: the hook the forge sign-in
    /// (`Sources/Dashboard/SignIn`) fills. Until it does, nobody is signed in.
    func dashboardSignIn() throws -> (access: any DashboardAccess, routes: [any DashboardRouteProvider]) {
        (NobodySignedIn(), [])
    }
}
