import Foundation

/// A stateful stand-in for GitHub, Gitea or GitLab: answers the forge's REST paths with the
/// status codes and shapes of its official API description, keeps what the bot writes, and
/// misbehaves on request, so the bot's forge clients meet a forge and not a mock.
///
/// Pure and thread-safe: `handle` maps a request to a reply under one lock (hence `@unchecked
/// Sendable`: every mutable field is touched only under `lock`); the loopback server does the I/O.
package final class TestForgeState: @unchecked Sendable {
    package enum Flavor: String, Sendable { case github, gitea, gitlab }

    package let flavor: Flavor
    let lock = NSLock()
    let store: ForgeStore
    let dialect: any ForgeDialect
    var faults = FaultQueue()
    var recorded: [(request: ReceivedRequest, status: Int, responseBody: Data)] = []
    /// Where a real forge learns of pushes: its own Git. Asked before every request when set.
    var branchSource: (@Sendable () -> [(repository: String, name: String, sha: String)])?

    /// `baseURL` is where the server listens; it prefixes every `url`/`html_url`/`web_url`.
    /// GitHub's API is served at "/", Gitea's under "/api/v1", GitLab's under "/api/v4".
    package init(flavor: Flavor, baseURL: URL) {
        self.flavor = flavor
        self.store = ForgeStore(flavor: flavor, baseURL: baseURL)
        switch flavor {
        case .github: dialect = GitHubDialect()
        case .gitea: dialect = GiteaDialect()
        case .gitlab: dialect = GitLabDialect()
        }
    }

    /// Answers one request, after any fault waiting for it.
    package func handle(_ request: ReceivedRequest) -> ServerReply {
        lock.lock()
        defer { lock.unlock() }
        for branch in branchSource?() ?? [] {
            (try? store.repository(branch.repository))?.branches[branch.name] = branch.sha
        }
        let stripped =
            request.path.hasPrefix(dialect.apiPrefix)
            ? String(request.path.dropFirst(dialect.apiPrefix.count)) : request.path
        let fault = faults.take(for: ["\(request.method) \(request.path)", "\(request.method) \(stripped)"])
        switch fault {
        case .dropConnection:
            recorded.append((request, 0, Data()))
            return .dropConnection
        case .dropConnectionAfterProcessing:
            _ = answer(request)
            recorded.append((request, 0, Data()))
            return .dropConnection
        case .slow(let delay):
            let response = answer(request)
            recorded.append((request, response.status, response.body))
            return .respondAfter(delay, response)
        case .status, .tooManyRequests, .secondaryRateLimit, .primaryRateLimit:
            guard let fault else { return .dropConnection }
            let response = dialect.faultResponse(fault, store: store)
            recorded.append((request, response.status, response.body))
            return .respond(response)
        case nil:
            let response = answer(request)
            recorded.append((request, response.status, response.body))
            return .respond(response)
        }
    }

    /// The normal answer: route, authenticate, run the operation, decorate.
    private func answer(_ request: ReceivedRequest) -> ServedResponse {
        if let page = OAuthPages.answer(request, store: store) { return page }
        let token = dialect.token(in: request)
        guard request.path.hasPrefix(dialect.apiPrefix) else {
            return dialect.finish(
                dialect.errorResponse(.notFound(), store: store), request: request, token: token, store: store)
        }
        let path = String(request.path.dropFirst(dialect.apiPrefix.count))
        var matched: (ForgeRoute, [String: String])?
        for route in dialect.routes {
            if let parameters = route.match(method: request.method, path: path) {
                matched = (route, parameters)
                break
            }
        }
        guard let (route, parameters) = matched else {
            return dialect.finish(
                dialect.errorResponse(.notFound(), store: store), request: request, token: token, store: store)
        }
        let caller = token.flatMap { store.tokens[$0] }
        if route.requiresToken && caller == nil {
            return dialect.finish(dialect.unauthorized(store: store), request: request, token: nil, store: store)
        }
        let response: ServedResponse
        do {
            let call = try ForgeCall(request: request, parameters: parameters, caller: caller)
            response = try route.handler(store, call)
        } catch let failure as APIFailure {
            response = dialect.errorResponse(failure, store: store)
        } catch {
            response = dialect.errorResponse(APIFailure(status: 500, message: "\(error)"), store: store)
        }
        return dialect.finish(response, request: request, token: token, store: store)
    }

    // MARK: Faults

    /// Queues a fault for the next `times` requests whose "METHOD /path" starts with
    /// `methodAndPathPrefix` (every request when nil); queued faults are consumed in order.
    /// The path may be written with or without the API prefix (`/api/v1`, `/api/v4`).
    package func inject(_ fault: Fault, times: Int = 1, matching methodAndPathPrefix: String? = nil) {
        lock.lock()
        defer { lock.unlock() }
        faults.add(fault, times: times, prefix: methodAndPathPrefix)
    }

    /// Every request answered, in order, with the status sent (0 for a dropped connection)
    /// and the body; faults included.
    package var exchanges: [(request: ReceivedRequest, status: Int, responseBody: Data)] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func locked<Value>(_ body: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
