/// The access of a dashboard whose sign-in is not set up: nobody is signed in, so every page sends
/// the browser to the sign-in.
package struct NobodySignedIn: DashboardAccess {
    package init() {}

    package func viewer(cookieHeader: String?) async -> DashboardViewer? { nil }

    package func canRead(_ viewer: DashboardViewer, forge: String, repository: String) async -> Bool { false }
}
