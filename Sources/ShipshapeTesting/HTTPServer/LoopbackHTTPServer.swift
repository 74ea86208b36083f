import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 with a port the OS picks, for testing HTTP clients
/// against actual sockets: keep-alive, Content-Length and chunked request bodies,
/// `Expect: 100-continue`, late answers and dropped connections. One thread per connection.
///
/// Call `shutdown()` when done (a `defer` right after creating it); it closes every socket and
/// waits for the server's threads to end.
///
/// `@unchecked Sendable`: mutable state is guarded by `condition`.
package final class LoopbackHTTPServer: @unchecked Sendable {
    package let port: Int
    package var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private let listener: Int32
    private let handler: @Sendable (ReceivedRequest) -> ServerReply
    private let condition = NSCondition()
    private let threads = DispatchGroup()
    private var stopped = false
    private var openConnections: Set<Int32> = []
    private var accepted = 0
    private var served = 0

    package init(handler: @escaping @Sendable (ReceivedRequest) -> ServerReply) throws {
        self.handler = handler
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw LoopbackServerError(operation: "socket", code: errno) }
        do {
            port = try Self.bindToLoopback(listener)
        } catch {
            close(listener)
            throw error
        }
        startThread { [self] in acceptConnections() }
    }

    deinit { shutdown() }

    /// Connections accepted so far (a client that reuses connections keeps this at 1).
    package var connectionsAccepted: Int { locked { accepted } }

    /// Requests read completely and handed to the handler, whatever it answered.
    package var requestsServed: Int { locked { served } }

    /// Stops accepting, closes open connections, wakes late answers and waits (up to five
    /// seconds) for the server's threads to end. Calling it again does nothing.
    package func shutdown() {
        let connections: Set<Int32>? = locked {
            guard !stopped else { return nil }
            stopped = true
            condition.broadcast()
            return openConnections
        }
        guard let connections else { return }
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        for descriptor in connections { Glibc.shutdown(descriptor, Int32(SHUT_RDWR)) }
        _ = threads.wait(timeout: .now() + 5)
    }

    private static func bindToLoopback(_ descriptor: Int32) throws -> Int {
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else { throw LoopbackServerError(operation: "bind 127.0.0.1:0", code: errno) }
        guard listen(descriptor, 64) == 0 else { throw LoopbackServerError(operation: "listen", code: errno) }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw LoopbackServerError(operation: "getsockname", code: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private func acceptConnections() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED, !locked({ stopped }) { continue }
                close(listener)
                return
            }
            let admitted: Bool = locked {
                guard !stopped else { return false }
                accepted += 1
                openConnections.insert(connection)
                return true
            }
            guard admitted else {
                close(connection)
                continue
            }
            startThread { [self] in
                serve(SocketStream(descriptor: connection))
                locked { _ = openConnections.remove(connection) }
                close(connection)
            }
        }
    }

    /// Answers requests on one connection until the client closes it, asks to close, or the
    /// handler drops it.
    private func serve(_ stream: SocketStream) {
        while let headBytes = stream.readHead() {
            guard let head = RequestHead(headBytes) else {
                stream.write(ServedResponse(status: 400).wireBytes(forMethod: "GET", closing: true))
                return
            }
            if head.expectsContinue { stream.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
            guard let body = Self.readBody(of: head, from: stream) else { return }
            var request = ReceivedRequest(
                method: head.method, path: head.path, query: head.query, headers: head.headers, body: Data(body))
            request.cameThroughProxy = head.isAbsoluteForm
            locked { served += 1 }
            let response: ServedResponse
            switch handler(request) {
            case .respond(let served):
                response = served
            case .respondAfter(let delay, let served):
                guard pause(delay) else { return }
                response = served
            case .dropConnection:
                return
            case .trickle(let served, let piece, let interval):
                sendSlowly(served, method: head.method, to: stream, piece: piece, interval: interval)
                return
            case .stall(let served, let count):
                sendSlowly(served, method: head.method, to: stream, piece: count, interval: nil)
                return
            }
            let closing =
                !head.keepsAlive
                || response.headers.contains {
                    $0.name.caseInsensitiveCompare("Connection") == .orderedSame && $0.value.lowercased() == "close"
                }
            guard stream.write(response.wireBytes(forMethod: head.method, closing: closing)), !closing else { return }
        }
    }

    private static func readBody(of head: RequestHead, from stream: SocketStream) -> [UInt8]? {
        if head.isChunked { return ChunkedBody.read(from: stream) }
        let length = Int(head.header("Content-Length") ?? "0") ?? 0
        return length > 0 ? stream.read(count: length) : []
    }

    /// Waits out a late answer; false when the server shut down meanwhile.
    func pause(_ delay: Duration) -> Bool {
        let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !stopped, Date() < deadline { _ = condition.wait(until: deadline) }
        return !stopped
    }

    private func startThread(_ body: @escaping @Sendable () -> Void) {
        threads.enter()
        let thread = Thread { [threads] in
            body()
            threads.leave()
        }
        thread.name = "LoopbackHTTPServer"
        thread.start()
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}

/// A socket call failed while starting the loopback server.
package struct LoopbackServerError: Error, CustomStringConvertible {
    package let operation: String
    package let code: Int32

    package var description: String { "loopback HTTP server: \(operation) failed: \(String(cString: strerror(code)))" }
}
