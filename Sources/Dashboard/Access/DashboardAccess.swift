/// Who is looking at the dashboard: the person the forge signed in, and what they may do.
package struct DashboardViewer: Sendable, Hashable {
    /// Their user name on the forge they signed in with.
    package var login: String
    /// The forge they signed in with (`github`, `gitea`, `gitlab`).
    package var forge: String
    /// On the bot's list of administrators: may retry dead jobs.
    package var isAdmin: Bool
    /// The value every form of theirs must send back as its `csrf` field.
    package var csrfToken: String

    package init(login: String, forge: String, isAdmin: Bool, csrfToken: String) {
        self.login = login
        self.forge = forge
        self.isAdmin = isAdmin
        self.csrfToken = csrfToken
    }
}

/// The seam between the pages and the sign-in: the pages ask who is looking and what they may read,
/// and never see a session, a cookie's content or a forge token. The forge sign-in
/// (`Sources/Dashboard/SignIn`) implements it; tests use a fixed implementation.
package protocol DashboardAccess: Sendable {
    /// The signed-in person the request's `Cookie` header names; nil when nobody is signed in
    /// (the pages then send the browser to `/dashboard/sign-in`).
    func viewer(cookieHeader: String?) async -> DashboardViewer?
    /// Whether the forge lets `viewer` read `repository` ("owner/name") on `forge`; a repository
    /// they cannot read is answered 404 and left out of every list.
    func canRead(_ viewer: DashboardViewer, forge: String, repository: String) async -> Bool
}
