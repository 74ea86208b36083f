import Foundation

/// The stand-in forge as tests meet it: the stateful forge behind a real loopback HTTP server,
/// with every exchange held to the forge's official API description. A request outside the
/// contract, or a response that does not match it, is recorded in `violations`.
///
/// `@unchecked Sendable`: `server` is set in `init` and cleared by `shutdown()`, which a test
/// calls once, at its end; the rest is immutable or behind `StateBox`'s lock.
package final class TestForge: @unchecked Sendable {
    package let state: TestForgeState
    package let contract: APIContract
    private var server: LoopbackHTTPServer?
    private let box: StateBox

    /// Calls outside the subsets that the bot makes on purpose (who am I), and the icon a
    /// browser asks every site for.
    static let allowedOutsideContract: Set<String> = ["GET /user", "GET /api/v1/user", "GET /favicon.ico"]

    package init(flavor: TestForgeState.Flavor) throws {
        // The tests talk to loopback; a proxy from the environment must not get in between.
        setenv("no_proxy", "127.0.0.1,localhost", 1)
        setenv("NO_PROXY", "127.0.0.1,localhost", 1)
        contract = try APIContract.load(flavor == .github ? .github : (flavor == .gitea ? .gitea : .gitlab))
        let box = StateBox()
        let contract = contract
        let server = try LoopbackHTTPServer { received in
            guard let state = box.state else { return .respond(ServedResponse(status: 503)) }
            box.log("\(received.method) \(received.path)" + (received.query.isEmpty ? "" : "?\(received.query)"))
            // GitHub Enterprise Server serves the same API under /api/v3.
            var request = received
            if flavor == .github, request.path.hasPrefix("/api/v3/") { request.path.removeFirst("/api/v3".count) }
            let reply = state.handle(request)
            let response: ServedResponse
            switch reply {
            case .respond(let served), .respondAfter(_, let served), .trickle(let served, _, _), .stall(let served, _):
                response = served
            case .dropConnection: return reply
            }
            let call = "\(request.method) \(request.path)"
            guard !Self.allowedOutsideContract.contains(call) else { return reply }
            if let oauth = OAuthContract.check(flavor, request, response) {
                for violation in oauth { box.record("\(call) → \(response.status): \(violation)") }
                return reply
            }
            let body = request.body.isEmpty ? nil : request.body
            // A 304 answers a conditional GET (GitHub's "conditional requests" docs); the 2020
            // description lists it for no operation.
            let notModified =
                response.status == 304
                && (request.header("If-None-Match") != nil || request.header("If-Modified-Since") != nil)
            let check =
                Self.isInjectedFault(response) || notModified
                ? contract.checkRequest(
                    method: request.method, path: request.path, query: request.queryItems, body: body)
                : contract.check(request, response)
            for violation in check.violations { box.record("\(call) → \(response.status): \(violation)") }
            return reply
        }
        state = TestForgeState(flavor: flavor, baseURL: server.baseURL)
        self.box = box
        self.server = server
        box.state = state
    }

    package var baseURL: URL { server?.baseURL ?? URL(string: "http://127.0.0.1")! }

    /// Where a client's API root is: GitHub at the root, Gitea under /api/v1, GitLab under /api/v4.
    package var apiRoot: URL {
        switch state.flavor {
        case .github: baseURL
        case .gitea: baseURL.appending(path: "api/v1")
        case .gitlab: baseURL.appending(path: "api/v4")
        }
    }

    package var violations: [String] { box.violations }
    /// Every request received, in order, as `METHOD /path?query`: what a test counts.
    package var requests: [String] { box.requests }
    package var connectionsAccepted: Int { server?.connectionsAccepted ?? 0 }

    package func shutdown() {
        server?.shutdown()
        server = nil
    }

    /// Faults the tests inject answer with statuses the contract need not list (500, 429, rate
    /// limits; GitHub's secondary limit is a 403 whose message says so).
    static func isInjectedFault(_ response: ServedResponse) -> Bool {
        if response.status >= 500 || response.status == 429 { return true }
        let header = { (name: String) in
            response.headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        let secondary = String(decoding: response.body, as: UTF8.self).contains("secondary rate limit")
        return response.status == 403
            && (header("retry-after") != nil || header("x-ratelimit-remaining") == "0" || secondary)
    }
}

/// The server starts before the state that needs its address, so the handler reaches the state
/// (and the violation log) through this box. `@unchecked Sendable`: every field is behind `lock`.
private final class StateBox: @unchecked Sendable {
    private let lock = NSLock()
    private var current: TestForgeState?
    private var recorded: [String] = []
    private var received: [String] = []

    var state: TestForgeState? {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    var violations: [String] { lock.withLock { recorded } }
    var requests: [String] { lock.withLock { received } }

    func record(_ violation: String) { lock.withLock { recorded.append(violation) } }
    func log(_ request: String) { lock.withLock { received.append(request) } }
}
