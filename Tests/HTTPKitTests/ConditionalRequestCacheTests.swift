import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

@Suite struct ConditionalRequestCacheTests {
    /// Serves version "v1" of a document; answers 304 to a matching If-None-Match.
    private static func etagServer(conditionals: LastSeen<String>, notModified: CallCounter) throws
        -> LoopbackHTTPServer
    {
        try LoopbackHTTPServer { request in
            let condition = request.header("If-None-Match") ?? ""
            conditionals.record(condition)
            if condition == #""v1""# {
                _ = notModified.next()
                return .respond(
                    ServedResponse(status: 304, headers: [("ETag", #""v1""#), ("x-ratelimit-remaining", "4998")]))
            }
            return .respond(.text(200, "index: v1", headers: [("ETag", #""v1""#), ("x-ratelimit-remaining", "4999")]))
        }
    }

    @Test func revalidatesWithTheETagAndServesTheStoredBody() async throws {
        let conditionals = LastSeen<String>()
        let notModified = CallCounter()
        let server = try Self.etagServer(conditionals: conditionals, notModified: notModified)
        defer { server.shutdown() }
        let cache = ConditionalRequestCache(wrapping: CurlHTTPClient())
        var request = HTTPRequest(url: server.baseURL.appending(path: "index.yaml"))
        request.headers["Authorization"] = "Bearer first-token"

        let first = try await cache.send(request)
        #expect(conditionals.current == "")
        let second = try await cache.send(request)

        #expect(first.servedFromCache == false)
        #expect(conditionals.current == #""v1""#)
        #expect(notModified.count == 1)
        #expect(second.servedFromCache)
        #expect(second.status == 200)
        #expect(second.text == "index: v1")
        #expect(second.headers["x-ratelimit-remaining"] == "4998")
        #expect(second.headers.values("x-ratelimit-remaining").count == 1)
    }

    @Test func keepsEntriesApartPerCredential() async throws {
        let conditionals = LastSeen<String>()
        let notModified = CallCounter()
        let server = try Self.etagServer(conditionals: conditionals, notModified: notModified)
        defer { server.shutdown() }
        let cache = ConditionalRequestCache(wrapping: CurlHTTPClient())
        var request = HTTPRequest(url: server.baseURL.appending(path: "index.yaml"))
        request.headers["Authorization"] = "Bearer first-token"
        _ = try await cache.send(request)

        request.headers["Authorization"] = "Bearer second-token"
        let other = try await cache.send(request)

        #expect(conditionals.current == "")
        #expect(other.servedFromCache == false)
        #expect(notModified.count == 0)
        #expect(await cache.count == 2)
    }

    @Test func leavesOtherMethodsAlone() async throws {
        let conditionals = LastSeen<String>()
        let notModified = CallCounter()
        let server = try Self.etagServer(conditionals: conditionals, notModified: notModified)
        defer { server.shutdown() }
        let cache = ConditionalRequestCache(wrapping: CurlHTTPClient())

        _ = try await cache.send(HTTPRequest(method: .post, url: server.baseURL))
        _ = try await cache.send(HTTPRequest(method: .post, url: server.baseURL))

        #expect(conditionals.current == "")
        #expect(await cache.count == 0)
    }
}
