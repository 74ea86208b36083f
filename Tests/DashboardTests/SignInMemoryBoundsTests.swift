import Foundation
import Testing

@testable import Dashboard

/// The sign-in's two in-memory tables stay under their limits whatever comes: before, they dropped
/// only expired entries, so a flood of sign-ins (or of repository names asked about) within a
/// session's lifetime grew them without end.
@Suite struct SignInMemoryBoundsTests {
    static func session(_ index: Int, expires: Int) -> (DashboardViewer, DashboardSession) {
        let csrf = "csrf-\(index)"
        return (
            DashboardViewer(login: "mallory", forge: "github", isAdmin: false, csrfToken: csrf),
            DashboardSession(
                id: "id-\(index)", forge: "github", login: "mallory", csrfToken: csrf, expires: expires,
                sealedToken: "sealed")
        )
    }

    @Test func theSessionTableKeepsAtMostItsLimitAndTheNewest() async {
        let sessions = SignedInSessions(limit: 10)
        for index in 0..<1_000 {
            let (viewer, session) = Self.session(index, expires: 10_000 + index)
            await sessions.remember(session, as: viewer, now: 0)
        }
        #expect(await sessions.count <= 10)
        let newest = Self.session(999, expires: 10_999)
        #expect(await sessions.session(of: newest.0, now: 0) == newest.1)
    }

    @Test func thePermissionCacheKeepsAtMostItsLimit() async {
        let cache = ReadPermissionCache(lifetime: .seconds(300), limit: 10) { Date(timeIntervalSince1970: 0) }
        for index in 0..<1_000 {
            _ = await cache.canRead(session: "s", forge: "github", repository: "acme/r\(index)") { true }
        }
        #expect(await cache.count <= 10)
        #expect(await cache.canRead(session: "s", forge: "github", repository: "acme/r999") { false })
    }
}
