import Foundation

/// A real browser for the tests: Debian's Chromium, headless, driven over the DevTools protocol.
/// Pages are opened, clicked and photographed as a person would use them; cookies, redirects
/// and forms are the browser's own.
package final class HeadlessBrowser: Sendable {
    package struct Unavailable: Error, CustomStringConvertible {
        package var description: String
    }

    private let process: ChromiumProcess
    let connection: DevToolsConnection

    /// Starts the browser; throws `Unavailable` when no Chromium is on PATH (scripts/setup installs it).
    package init(width: Int = 1200, height: Int = 900) async throws {
        guard let executable = ChromiumProcess.executable() else {
            throw Unavailable(description: "no chromium on PATH: run scripts/setup (apt-get install chromium)")
        }
        process = try ChromiumProcess(executable: executable, windowSize: (width, height))
        connection = DevToolsConnection(process: process)
        _ = try await connection.send("Browser.getVersion")
    }

    /// A new tab with its own DevTools session, page events on. `isolated`: in a browser context
    /// of its own (as a second person on another machine: no cookies shared with other tabs).
    package func newPage(isolated: Bool = false) async throws -> BrowserPage {
        var parameters: [String: Any] = ["url": "about:blank"]
        if isolated {
            let context = try await connection.send("Target.createBrowserContext")
            parameters["browserContextId"] = context["browserContextId"]
        }
        let target = try await connection.send("Target.createTarget", parameters)
        guard let targetID = target["targetId"] as? String else {
            throw DevToolsConnection.ProtocolError(description: "Target.createTarget: no targetId")
        }
        let attached = try await connection.send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else {
            throw DevToolsConnection.ProtocolError(description: "Target.attachToTarget: no sessionId")
        }
        let page = BrowserPage(connection: connection, session: session)
        _ = try await page.command("Page.enable")
        return page
    }

    package func close() { process.terminate() }
}

/// One tab.
package struct BrowserPage: Sendable {
    let connection: DevToolsConnection
    let session: String

    func command(_ method: String, _ parameters: [String: Any] = [:]) async throws -> [String: Any] {
        try await connection.send(method, parameters, session: session)
    }

    /// Opens `url` and waits for its load; returns the HTTP status of the page finally shown.
    @discardableResult
    package func open(_ url: URL) async throws -> Int {
        try await navigation { _ = try await command("Page.navigate", ["url": url.absoluteString]) }
    }

    /// Clicks the element `selector` names (a link or a form's button) and waits for the page
    /// it leads to; returns that page's HTTP status.
    @discardableResult
    package func click(_ selector: String) async throws -> Int {
        try await navigation {
            let found = try await evaluate(
                "(() => { const e = document.querySelector(\(Self.quoted(selector))); if (!e) return false; e.click(); return true; })()"
            )
            guard found as? Bool == true else {
                throw DevToolsConnection.ProtocolError(
                    description: "no element matches \(selector) on \(try await url())")
            }
        }
    }

    /// The value of a JavaScript expression (JSON-like values come back as Foundation objects).
    package func evaluate(_ expression: String) async throws -> Any? {
        let result = try await command(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            throw DevToolsConnection.ProtocolError(description: "\(expression): \(exception["text"] ?? exception)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    package func url() async throws -> String { try await evaluate("location.href") as? String ?? "" }

    /// What a person reads on the page.
    package func text() async throws -> String { try await evaluate("document.body.innerText") as? String ?? "" }

    /// The page's markup as the browser holds it.
    package func html() async throws -> String {
        try await evaluate("document.documentElement.outerHTML") as? String ?? ""
    }

    /// The cookies the browser would send to the page's address, as `name=value; …` reads them
    /// from JavaScript (HttpOnly ones are missing, by design).
    package func scriptVisibleCookies() async throws -> String {
        try await evaluate("document.cookie") as? String ?? ""
    }

    /// Every cookie the browser holds for the page, with its attributes.
    package func cookies() async throws -> [[String: Any]] {
        try await command("Network.getCookies")["cookies"] as? [[String: Any]] ?? []
    }

    /// A PNG of the whole page, written to `file`.
    package func screenshot(to file: URL) async throws {
        let shot = try await command("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true])
        guard let base64 = shot["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw DevToolsConnection.ProtocolError(description: "Page.captureScreenshot: no data")
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Runs `action`, then waits for the next page load and reads its status.
    private func navigation(_ action: () async throws -> Void) async throws -> Int {
        let loads = connection.eventCount("Page.loadEventFired", session: session)
        try await action()
        _ = try await connection.event("Page.loadEventFired", session: session, index: loads)
        let status = try await evaluate("performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0")
        return (status as? Int) ?? (status as? Double).map(Int.init) ?? 0
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
