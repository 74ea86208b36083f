import Foundation
import ShipshapeTesting
import Testing

/// The browser the dashboard's tests drive, against the stand-in's OAuth authorize page: a page
/// opened, a form's button clicked through a redirect, a screenshot written.
@Suite struct HeadlessBrowserTests {
    @Test func theBrowserFollowsAFormThroughItsRedirectAndPhotographsThePage() async throws {
        let forge = try TestForge(flavor: .gitea)
        defer { forge.shutdown() }
        forge.state.addUser(login: "alice", token: "alice-pat", permission: "read")
        let landing = forge.baseURL.appending(path: "landing").absoluteString
        forge.state.enableOAuth(clientID: "id", clientSecret: "secret", redirectURI: landing)
        let browser = try await HeadlessBrowser()
        defer { browser.close() }
        let page = try await browser.newPage()
        var authorize = URLComponents(
            url: forge.baseURL.appending(path: "login/oauth/authorize"), resolvingAgainstBaseURL: false)!
        authorize.queryItems = [
            .init(name: "client_id", value: "id"), .init(name: "redirect_uri", value: landing),
            .init(name: "response_type", value: "code"), .init(name: "state", value: "xyz"),
        ]

        let shown = try await page.open(authorize.url!)
        let text = try await page.text()
        let file = TestOutput.folder("headless-browser").appending(path: "authorize.png")
        try await page.screenshot(to: file)
        let landed = try await page.click("#as-alice")
        let url = try await page.url()

        #expect(shown == 200)
        #expect(text.contains("Sign in as alice"))
        #expect(try Data(contentsOf: file).prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // The stand-in's Gitea has no /landing: the browser followed the redirect to its 404.
        #expect(landed == 404)
        #expect(url.hasPrefix(landing + "?code=") && url.hasSuffix("&state=xyz"), "\(url)")
        // /landing is outside every contract; the OAuth exchanges before it are held to theirs.
        let violations = forge.violations.filter { !$0.hasPrefix("GET /landing") }
        #expect(violations.isEmpty, "\(violations)")
    }
}
