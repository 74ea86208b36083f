import Foundation

/// Which session a viewer came from: the pages hand `canRead` a `DashboardViewer`, never the
/// cookie, so the session (its id and sealed token) is remembered here when `viewer(cookieHeader:)`
/// reads it. The viewer's CSRF token is random per session, so two sessions never share a viewer.
/// At most `limit` are kept: past it the expired go, and if that is not enough the half that
/// expire soonest (a session forgotten is remembered again by its next request).
actor SignedInSessions {
    private var sessions: [DashboardViewer: DashboardSession] = [:]
    let limit: Int

    init(limit: Int = 50_000) { self.limit = max(2, limit) }

    var count: Int { sessions.count }

    func remember(_ session: DashboardSession, as viewer: DashboardViewer, now: Int) {
        if sessions[viewer] == nil, sessions.count >= limit {
            sessions = sessions.filter { $0.value.expires > now }
            if sessions.count >= limit {
                let kept = sessions.sorted { $0.value.expires > $1.value.expires }.prefix(limit / 2)
                sessions = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
            }
        }
        sessions[viewer] = session
    }

    func session(of viewer: DashboardViewer, now: Int) -> DashboardSession? {
        guard let session = sessions[viewer], session.expires > now else { return nil }
        return session
    }
}
