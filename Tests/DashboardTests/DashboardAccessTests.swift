import Dashboard
import Testing

@Suite struct DashboardAccessTests {
    @Test func withoutSignInNobodyIsSignedIn() async {
        let access = NobodySignedIn()
        #expect(await access.viewer(cookieHeader: "session=anything") == nil)
    }
}
