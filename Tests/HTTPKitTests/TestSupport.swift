import Foundation
import HTTPKit
import ShipshapeTesting
import Synchronization

/// A clock that never really sleeps: it records each requested wait and moves its time forward
/// by it, so tests can check exactly how long the retrying client chose to wait.
final class RecordingClock: RetryClock {
    private let state: Mutex<(now: Date, sleeps: [Duration])>

    init(now: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        state = Mutex((now, []))
    }

    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func now() -> Date { state.withLock { $0.now } }

    func sleep(for duration: Duration) async throws {
        state.withLock {
            $0.sleeps.append(duration)
            $0.now += Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
    }
}

/// Counts calls from the server's connection threads; `next()` returns 1 on the first call.
final class CallCounter: Sendable {
    private let value = Mutex(0)

    var count: Int { value.withLock { $0 } }

    func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}

/// Keeps the last value a server handler saw, for assertions after the request.
final class LastSeen<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    var current: Value? { value.withLock { $0 } }

    func record(_ newValue: Value) { value.withLock { $0 = newValue } }
}

/// Holds each caller until `count` have arrived (or a minute has passed, so a failing test
/// cannot hang the run): requests that must be in flight together, however slowly they start.
final class Rendezvous: Sendable {
    private let count: Int
    private let arrived = Mutex(0)
    private let everyone = DispatchSemaphore(value: 0)

    init(count: Int) { self.count = count }

    func arriveAndWait() {
        if arrived.withLock({
            $0 += 1
            return $0
        }) == count {
            for _ in 0..<count { everyone.signal() }
        }
        _ = everyone.wait(timeout: .now() + 60)
    }
}

extension ServedResponse {
    static func text(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> ServedResponse {
        ServedResponse(status: status, headers: [("Content-Type", "text/plain")] + headers, body: Data(text.utf8))
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
}

/// Answers every request with what it received, as JSON: method, path, query, body (text) and
/// headers (lowercased names).
let echoHandler: @Sendable (ReceivedRequest) -> ServerReply = { request in
    var headers: [String: String] = [:]
    for field in request.headers { headers[field.name.lowercased()] = field.value }
    return .respond(
        .json(
            200,
            [
                "method": request.method, "path": request.path, "query": request.query,
                "body": String(decoding: request.body, as: UTF8.self), "bodyLength": request.body.count,
                "headers": headers,
            ]))
}

/// A client tuned for loopback tests: short timeouts, retries without real waiting.
func retryingClient(attempts: Int = 4, clock: RecordingClock, maximumRateLimitWait: Duration = .seconds(300))
    -> RetryingHTTPClient
{
    RetryingHTTPClient(
        wrapping: CurlHTTPClient(configuration: .init(timeout: .seconds(5), connectTimeout: .seconds(2))),
        policy: RetryPolicy(
            maximumAttempts: attempts, baseDelay: .milliseconds(2), maximumRateLimitWait: maximumRateLimitWait),
        clock: clock
    )
}

func gzipped(_ text: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    process.arguments = ["-c"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}
