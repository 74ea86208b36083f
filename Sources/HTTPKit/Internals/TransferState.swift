internal import CCurl
import Foundation
import Synchronization

/// What libcurl's callbacks collect during one transfer: the body and the headers of the last
/// response (a new status line starts over, so redirects and `100 Continue` leave nothing behind).
/// With a receiver, a 2xx answer's body goes to it instead of `body`. With an idle limit, the
/// transfer stops once no byte moved for that long (`stalled` then says so).
///
/// `@unchecked Sendable`: everything but `cancelled` is touched only by the thread running the
/// transfer; `cancelled` is atomic because a task's cancellation handler sets it from elsewhere.
final class TransferState: @unchecked Sendable {
    var body = Data()
    var headers = HTTPHeaders()
    /// The status line's code of the response being read (0 before the first).
    var status = 0
    var receiver: (any HTTPBodyReceiver)?
    /// What the receiver threw; the transfer stopped there.
    var receiverError: (any Error)?
    var idleLimit: Duration?
    private(set) var stalled = false
    /// The bytes moved so far (both ways) and when that count last changed.
    private var lastMoved: (bytes: Int, at: ContinuousClock.Instant)?
    let cancelled = Atomic<Bool>(false)

    /// Whether the transfer may go on, given the bytes moved so far; false once they stood still
    /// for the idle limit. libcurl asks about once a second when nothing moves.
    func mayContinue(moved bytes: Int) -> Bool {
        guard let idleLimit else { return true }
        let now = ContinuousClock.now
        guard let last = lastMoved, last.bytes == bytes else {
            lastMoved = (bytes, now)
            return true
        }
        stalled = now - last.at >= idleLimit
        return !stalled
    }

    func receiveHeaderLine(_ bytes: UnsafeBufferPointer<UInt8>) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .newlines)
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return
        }
        guard let colon = line.firstIndex(of: ":"), line.first != " ", line.first != "\t" else { return }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers.add(name, value)
    }
}

/// C callbacks; `context` is an unretained `TransferState` that outlives the transfer.
enum TransferCallbacks {
    static let body: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        data, size, count, context in
        guard let data, let context else { return 0 }
        let length = size * count
        let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
        if let receiver = state.receiver, (200..<300).contains(state.status) {
            do {
                try receiver.receive(UnsafeRawBufferPointer(start: data, count: length))
            } catch {
                // Anything but `length` makes libcurl stop with a write error.
                state.receiverError = error
                return 0
            }
            return length
        }
        data.withMemoryRebound(to: UInt8.self, capacity: length) { state.body.append($0, count: length) }
        return length
    }

    static let header: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        data, size, count, context in
        guard let data, let context else { return 0 }
        let length = size * count
        let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
        data.withMemoryRebound(to: UInt8.self, capacity: length) {
            state.receiveHeaderLine(UnsafeBufferPointer(start: $0, count: length))
        }
        return length
    }

    /// Called by libcurl about once a second and on progress; a non-zero answer aborts the
    /// transfer, which is how task cancellation and the idle limit reach a blocking `curl_easy_perform`.
    static let progress:
        @convention(c) (UnsafeMutableRawPointer?, curl_off_t, curl_off_t, curl_off_t, curl_off_t) -> Int32 = {
            context, _, downloaded, _, uploaded in
            guard let context else { return 0 }
            let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
            if state.cancelled.load(ordering: .relaxed) { return 1 }
            return state.mayContinue(moved: downloaded + uploaded) ? 0 : 1
        }
}
