import Foundation

/// The DevTools protocol over `ChromiumProcess`'s pipe: commands with ids whose answers are
/// awaited, and events counted by name (per session) so a test can wait for the next one. The
/// pipe is read on a thread of its own, never on Swift's shared pool.
///
/// `@unchecked Sendable`: every mutable field is touched only under `lock`; the messages it
/// holds (`Fields`, JSON objects of `Any`) are handed from the reading thread to one waiter.
final class DevToolsConnection: @unchecked Sendable {
    struct ProtocolError: Error, CustomStringConvertible {
        var description: String
    }

    /// A message's JSON object; it is handed from the reading thread to one waiter and not shared.
    struct Fields: @unchecked Sendable {
        let values: [String: Any]
    }

    private let process: ChromiumProcess
    private let lock = NSLock()
    private var nextID = 0
    private var pending: [Int: CheckedContinuation<Fields, any Error>] = [:]
    private var events: [String: [Fields]] = [:]
    private var eventWaiters: [(key: String, count: Int, continuation: CheckedContinuation<Fields, any Error>)] =
        []
    private var closed = false

    init(process: ChromiumProcess) {
        self.process = process
        let thread = Thread { [self] in readLoop() }
        thread.name = "chromium-devtools"
        thread.start()
    }

    /// Sends `method` and returns its `result`; the browser's `error` throws.
    func send(_ method: String, _ parameters: [String: Any] = [:], session: String? = nil) async throws -> [String: Any]
    {
        let data = try JSONSerialization.data(withJSONObject: ["method": method, "params": parameters])
        return try await exchange(method, data, session: session).values
    }

    private func exchange(_ method: String, _ command: Data, session: String?) async throws -> Fields {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            guard !closed else {
                lock.unlock()
                continuation.resume(throwing: ProtocolError(description: "\(method): the browser has gone"))
                return
            }
            nextID += 1
            let id = nextID
            pending[id] = continuation
            lock.unlock()
            var message = (try? JSONSerialization.jsonObject(with: command)) as? [String: Any] ?? [:]
            message["id"] = id
            if let session { message["sessionId"] = session }
            let data = (try? JSONSerialization.data(withJSONObject: message)) ?? Data()
            if !process.write(data) {
                fail(id: id, ProtocolError(description: "\(method): cannot write to the browser"))
            }
        }
    }

    /// How many `method` events `session` has had so far.
    func eventCount(_ method: String, session: String?) -> Int {
        lock.withLock { events[key(method, session)]?.count ?? 0 }
    }

    /// The parameters of the event `method` number `index` (0-based) of `session`, waiting for it.
    func event(_ method: String, session: String?, index: Int) async throws -> [String: Any] {
        try await eventFields(method, session: session, index: index).values
    }

    private func eventFields(_ method: String, session: String?, index: Int) async throws -> Fields {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            defer { lock.unlock() }
            let key = key(method, session)
            if let list = events[key], list.count > index {
                continuation.resume(returning: list[index])
            } else if closed {
                continuation.resume(throwing: ProtocolError(description: "\(method): the browser has gone"))
            } else {
                eventWaiters.append((key, index + 1, continuation))
            }
        }
    }

    private func key(_ method: String, _ session: String?) -> String { "\(session ?? "")/\(method)" }

    private func fail(id: Int, _ error: any Error) {
        let continuation = lock.withLock { pending.removeValue(forKey: id) }
        continuation?.resume(throwing: error)
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var message: [UInt8] = []
        while true {
            let count = process.read(into: &buffer)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                process.closeMessages()
                break
            }
            for byte in buffer[0..<count] {
                if byte == 0 {
                    dispatch(Data(message))
                    message.removeAll(keepingCapacity: true)
                } else {
                    message.append(byte)
                }
            }
        }
        let (waiting, eventWaiting) = lock.withLock {
            closed = true
            defer {
                pending = [:]
                eventWaiters = []
            }
            return (Array(pending.values), eventWaiters.map(\.continuation))
        }
        for continuation in waiting {
            continuation.resume(throwing: ProtocolError(description: "the browser has gone"))
        }
        for continuation in eventWaiting {
            continuation.resume(throwing: ProtocolError(description: "the browser has gone"))
        }
    }

    private func dispatch(_ data: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return }
        if let id = object["id"] as? Int {
            let continuation = lock.withLock { pending.removeValue(forKey: id) }
            if let error = object["error"] as? [String: Any] {
                continuation?.resume(throwing: ProtocolError(description: "\(error["message"] ?? error)"))
            } else {
                continuation?.resume(returning: Fields(values: object["result"] as? [String: Any] ?? [:]))
            }
            return
        }
        guard let method = object["method"] as? String else { return }
        let key = key(method, object["sessionId"] as? String)
        let parameters = Fields(values: object["params"] as? [String: Any] ?? [:])
        let ready: [CheckedContinuation<Fields, any Error>] = lock.withLock {
            events[key, default: []].append(parameters)
            let count = events[key]?.count ?? 0
            let due = eventWaiters.filter { $0.key == key && $0.count <= count }
            eventWaiters.removeAll { $0.key == key && $0.count <= count }
            return due.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: parameters) }
    }
}
