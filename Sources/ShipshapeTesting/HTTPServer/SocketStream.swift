import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Buffered reads and whole writes on one connected socket. Reads return nil once the peer has
/// closed the connection (or the server shut it down).
final class SocketStream {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private static let headerLimit = 64 * 1024

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Bytes up to and including the blank line that ends a request head.
    func readHead() -> [UInt8]? {
        while true {
            if let end = find([13, 10, 13, 10]) { return take(end + 4) }
            if buffer.count > Self.headerLimit || !fill() { return nil }
        }
    }

    /// One line without its CRLF (chunk sizes, trailers).
    func readLine() -> String? {
        while true {
            if let end = find([13, 10]) {
                let line = take(end + 2).dropLast(2)
                return String(decoding: line, as: UTF8.self)
            }
            if buffer.count > Self.headerLimit || !fill() { return nil }
        }
    }

    func read(count: Int) -> [UInt8]? {
        while buffer.count < count {
            if !fill() { return nil }
        }
        return take(count)
    }

    /// False when the peer is gone; `MSG_NOSIGNAL` keeps a closed peer from raising SIGPIPE.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0, errno == EINTR { continue }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let received = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received < 0, errno == EINTR { continue }
            guard received > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<received])
            return true
        }
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for start in 0...(buffer.count - pattern.count)
        where buffer[start..<start + pattern.count].elementsEqual(pattern) {
            return start
        }
        return nil
    }

    private func take(_ count: Int) -> [UInt8] {
        let bytes = Array(buffer[0..<count])
        buffer.removeFirst(count)
        return bytes
    }
}
