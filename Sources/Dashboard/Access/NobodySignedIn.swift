/// The access of a dashboard whose sign-in is not set up: nobody is signed in, so every page sends
/// the browser to the sign-in.
public struct NobodySignedIn: DashboardAccess {
    public init() {}

    public func viewer(cookieHeader: String?) async -> DashboardViewer? { nil }

    public func canRead(_ viewer: DashboardViewer, forge: String, repository: String) async -> Bool { false }
}
