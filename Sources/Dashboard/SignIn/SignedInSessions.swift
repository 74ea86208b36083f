import Foundation

/// Which session a viewer came from: the pages hand `canRead` a `DashboardViewer`, never the
/// cookie, so the session (its id and sealed token) is remembered here when `viewer(cookieHeader:)`
/// reads it. The viewer's CSRF token is random per session, so two sessions never share a viewer.
actor SignedInSessions {
    private var sessions: [DashboardViewer: DashboardSession] = [:]

    func remember(_ session: DashboardSession, as viewer: DashboardViewer, now: Int) {
        if sessions.count > 50_000 { sessions = sessions.filter { $0.value.expires > now } }
        sessions[viewer] = session
    }

    func session(of viewer: DashboardViewer, now: Int) -> DashboardSession? {
        guard let session = sessions[viewer], session.expires > now else { return nil }
        return session
    }
}
