import Bot
import Dashboard
import Forge
import Foundation
import HTTPKit
import Hummingbird
import Vulnerabilities

/// A fixed sign-in for tests: the `viewer` cookie names who is looking; each person reads the
/// repositories listed for them.
struct FixedAccess: DashboardAccess {
    static let alice = DashboardViewer(login: "alice", forge: "github", isAdmin: false, csrfToken: "alice-token")
    static let root = DashboardViewer(login: "root", forge: "github", isAdmin: true, csrfToken: "root-token")

    var readable: [String: Set<String>] = [
        "alice": ["github:acme/shop"], "root": ["github:acme/shop", "github:acme/secret"],
    ]

    func viewer(cookieHeader: String?) async -> DashboardViewer? {
        guard let cookieHeader else { return nil }
        for cookie in cookieHeader.split(separator: ";") {
            switch cookie.trimmingCharacters(in: .whitespaces) {
            case "viewer=alice": return Self.alice
            case "viewer=root": return Self.root
            default: continue
            }
        }
        return nil
    }

    func canRead(_ viewer: DashboardViewer, forge: String, repository: String) async -> Bool {
        readable[viewer.login]?.contains(forge + ":" + repository) ?? false
    }
}

/// The dashboard's routes on a loopback port over a real SQLite queue, and a real HTTP client
/// that does not follow redirects (the tests look at them).
final class RunningDashboard: @unchecked Sendable {
    let queue: SQLiteJobQueue
    let folder: URL
    let clock = Clock()
    private(set) var port = 0
    private var task: Task<Void, any Error>?
    // The time limit bounds a hang, not a speed: in a full run, CPU-bound suites can hold Swift's
    // shared pool (two threads here) for minutes, and the page's handler waits for it.
    let client = CurlHTTPClient(configuration: .init(timeout: .seconds(600), maximumRedirects: 0))

    /// The queue's clock: still until a test moves it.
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_760_000_000)
    }

    /// `imageScans`: the advisory database the repository page reads image scans from, if any.
    init(access: any DashboardAccess = FixedAccess(), imageScans: AdvisoryDatabase? = nil) async throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-dashboard-\(UUID().uuidString)")
        let clock = clock
        queue = try SQLiteJobQueue(
            path: folder.appending(path: "queue.sqlite").path,
            settings: QueueSettings(maximumAttempts: 1, now: { clock.now }))
        let github = ForgeEndpoint(
            kind: .github, apiRoot: URL(string: "https://api.github.com")!, authentication: .token("t"))
        var pages = DashboardPages(
            access: access, database: queue, forges: [github], templates: try DashboardTemplates())
        pages.imageScans = imageScans
        let site = DashboardSite(pages: pages)
        let router = Router()
        site.addRoutes(to: router)
        let ports = AsyncStream<Int>.makeStream()
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in ports.continuation.yield(channel.localAddress?.port ?? 0) })
        task = Task { try await application.runService() }
        for await bound in ports.stream {
            port = bound
            break
        }
    }

    func stop() async {
        task?.cancel()
        _ = await task?.result
        try? FileManager.default.removeItem(at: folder)
    }

    func get(_ path: String, as viewer: String?) async throws -> (status: Int, location: String?, body: String) {
        var headers = HTTPHeaders()
        if let viewer { headers["Cookie"] = "theme=dark; viewer=\(viewer)" }
        let response = try await client.send(
            HTTPKit.HTTPRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, headers: headers))
        return (response.status, response.headers["Location"], String(decoding: response.body, as: UTF8.self))
    }

    func post(_ path: String, form: String, as viewer: String?) async throws -> (status: Int, location: String?) {
        var headers = HTTPHeaders()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        if let viewer { headers["Cookie"] = "viewer=\(viewer)" }
        let response = try await client.send(
            HTTPKit.HTTPRequest(
                method: .post, url: URL(string: "http://127.0.0.1:\(port)\(path)")!, headers: headers,
                body: Data(form.utf8)))
        return (response.status, response.headers["Location"])
    }

    /// A scan job of `repository` that ran out of attempts with `error`.
    func deadJob(_ repository: String, error: String) async throws -> Int64 {
        let payload = JobPayload(
            forge: .github, repository: RepositoryID(repository)!, work: .scan(headSHA: nil, ref: nil))
        guard case .stored(let id) = try await queue.enqueue(NewJob(kind: .scan, payload: payload.encoded())) else {
            throw DashboardTestFailure("the job was not stored")
        }
        guard let leased = try await queue.lease(owner: "worker-1", for: .seconds(60), kinds: nil) else {
            throw DashboardTestFailure("the job was not leased")
        }
        _ = try await queue.fail(leased, error: error, retryAfter: nil)
        return id
    }
}

struct DashboardTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
