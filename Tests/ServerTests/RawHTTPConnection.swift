import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback connection that sends exactly the bytes a test gives it: a request whose body never
/// comes, or stops half way, as no HTTP client library would send.
///
/// Its blocking reads run on a thread of their own: on Swift's cooperative pool (two threads on
/// these machines) two tests waiting for answers could hold every thread while the server they
/// wait for needs one (a full run beside other builds once hit a 60 s time limit that way).
/// `@unchecked Sendable`: one test uses a connection, one call at a time.
final class RawHTTPConnection: @unchecked Sendable {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
    }

    deinit { close(socket) }

    /// The request line and headers of a POST, ended by the blank line.
    func sendHead(path: String, headers: [String: String]) {
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        send(Data((head + "\r\n").utf8))
    }

    func send(_ data: Data) {
        data.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let count = Glibc.send(socket, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                if count <= 0 { return }
                sent += count
            }
        }
    }

    /// Says nothing more will be sent: the server sees the end of the stream.
    func finishSending() {
        shutdown(socket, Int32(SHUT_WR))
    }

    /// True when the server closed the connection (reads until then, whatever arrives).
    func closedByServer() async -> Bool {
        await Self.offThePool { self.readUntilClosed() }
    }

    /// The response's status code, read up to the end of its headers (the server may keep the
    /// connection open, so the end of the stream is not waited for); 0 if the connection closed first.
    func status() async -> Int {
        await Self.offThePool { self.readStatus() }
    }

    private static func offThePool<Value: Sendable>(_ read: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: read()) }.start()
        }
    }

    private func readUntilClosed() -> Bool {
        var byte: UInt8 = 0
        while true {
            let count = recv(socket, &byte, 1, 0)
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }

    private func readStatus() -> Int {
        var received: [UInt8] = []
        var byte: UInt8 = 0
        while !received.suffix(4).elementsEqual("\r\n\r\n".utf8) {
            guard recv(socket, &byte, 1, 0) == 1 else { break }
            received.append(byte)
        }
        let line = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        let parts = line.split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
    }
}
