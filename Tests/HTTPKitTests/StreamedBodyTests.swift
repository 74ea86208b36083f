import Foundation
import HTTPKit
import ShipshapeTesting
import Synchronization
import Testing

/// Bodies handed to a receiver as they arrive (image layers): only a successful answer's body goes
/// there, a refusal before it is retried, a body cut short after some of it went there is not
/// (the receiver cannot take it twice), and what a receiver refuses stops the transfer.
@Suite struct StreamedBodyTests {
    final class Collector: HTTPBodyReceiver {
        private let bytes = Mutex<[UInt8]>([])
        private let refuseAfter: Int?

        init(refuseAfter: Int? = nil) { self.refuseAfter = refuseAfter }

        var text: String { String(decoding: bytes.withLock { $0 }, as: UTF8.self) }

        func receive(_ piece: UnsafeRawBufferPointer) throws {
            let count = bytes.withLock {
                $0.append(contentsOf: piece)
                return $0.count
            }
            if let refuseAfter, count > refuseAfter { throw Refused() }
        }
    }

    struct Refused: Error {}

    @Test func onlyTheSuccessfulAnswersBodyIsStreamedAndARefusalBeforeItIsRetried() async throws {
        let attempts = CallCounter()
        let server = try LoopbackHTTPServer { _ in
            attempts.next() == 1 ? .respond(.text(503, "busy")) : .respond(.text(200, "the whole layer"))
        }
        defer { server.shutdown() }
        let collector = Collector()
        let response = try await retryingClient(clock: RecordingClock()).send(
            HTTPRequest(url: server.baseURL), bodyTo: collector)
        #expect(response.status == 200 && response.body.isEmpty)
        #expect(collector.text == "the whole layer")
        #expect(attempts.count == 2)
    }

    @Test func aBodyCutShortAfterSomeWasStreamedIsAnErrorNotARetry() async throws {
        let attempts = CallCounter()
        let server = try LoopbackHTTPServer { _ in
            _ = attempts.next()
            return .respond(
                ServedResponse(
                    status: 200, headers: [("Content-Length", "100000"), ("Connection", "close")],
                    body: Data(repeating: 7, count: 1_000)))
        }
        defer { server.shutdown() }
        let collector = Collector()
        await #expect(throws: HTTPError.self) {
            try await retryingClient(clock: RecordingClock()).send(HTTPRequest(url: server.baseURL), bodyTo: collector)
        }
        #expect(attempts.count == 1)
        #expect(collector.text.count == 1_000)
    }

    @Test func whatTheReceiverThrowsStopsTheTransfer() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(ServedResponse(status: 200, body: Data(count: 4 << 20))) }
        defer { server.shutdown() }
        await #expect(throws: Refused.self) {
            try await retryingClient(clock: RecordingClock()).send(
                HTTPRequest(url: server.baseURL), bodyTo: Collector(refuseAfter: 1_000))
        }
    }

    /// The bot's clients keep answers with an ETag for revalidation; a streamed body is too large
    /// to keep (registries send an ETag with every layer).
    @Test func theConditionalCacheKeepsNoStreamedBody() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(ServedResponse(status: 200, headers: [("ETag", "\"sha256:abc\"")], body: Data("layer".utf8)))
        }
        defer { server.shutdown() }
        let cache = ConditionalRequestCache(wrapping: CurlHTTPClient())
        let collector = Collector()
        _ = try await cache.send(HTTPRequest(url: server.baseURL), bodyTo: collector)
        #expect(collector.text == "layer")
        #expect(await cache.count == 0)
        _ = try await cache.send(HTTPRequest(url: server.baseURL))
        #expect(await cache.count == 1)
    }
}
