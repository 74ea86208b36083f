import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

/// Large downloads (image layers) are timed by whether bytes keep coming, not by the
/// whole-exchange limit meant for API calls: a slow but steady body arrives whole, a stalled one
/// fails once nothing came for the idle limit, long before its overall limit.
@Suite struct SlowBodyTests {
    @Test func aBodyThatKeepsComingOutlastsTheExchangeLimit() async throws {
        let body = Data((0..<4_000).map { UInt8($0 % 251) })
        let server = try LoopbackHTTPServer { _ in
            .trickle(ServedResponse(status: 200, body: body), piece: 400, interval: .milliseconds(300))
        }
        defer { server.shutdown() }
        // The client's exchange limit (1 s) is shorter than the 3 s the body takes.
        let client = CurlHTTPClient(configuration: .init(timeout: .seconds(1)))
        let request = HTTPRequest(url: server.baseURL, timeout: .seconds(120), idleTimeout: .seconds(5))
        let response = try await client.send(request)
        #expect(response.body == body)

        let refused = await #expect(throws: HTTPError.self) {
            try await client.send(HTTPRequest(url: server.baseURL))
        }
        guard case .timedOut = refused else {
            Issue.record("without an idle limit the exchange limit applies: \(String(describing: refused))")
            return
        }
    }

    @Test func aStalledBodyFailsAtTheIdleLimitNotTheOverallOne() async throws {
        let server = try LoopbackHTTPServer { _ in
            .stall(ServedResponse(status: 200, body: Data(count: 100_000)), after: 1_000)
        }
        defer { server.shutdown() }
        let request = HTTPRequest(url: server.baseURL, timeout: .seconds(120), idleTimeout: .seconds(1))
        let failed = await #expect(throws: HTTPError.self) { try await CurlHTTPClient().send(request) }
        guard case .stalled(_, _, let idle, let requestSent) = failed else {
            Issue.record("expected a stall, got \(String(describing: failed))")
            return
        }
        #expect(idle == .seconds(1) && requestSent)
        #expect(failed?.description.hasSuffix("stalled: nothing came for 1 s") == true, "\(String(describing: failed))")
    }
}
