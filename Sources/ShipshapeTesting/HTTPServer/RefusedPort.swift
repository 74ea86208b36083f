import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback port that refuses connections: bound but not listening, and held until this value
/// goes, so no other test's server can take it meanwhile (a port merely closed again can be).
/// `@unchecked Sendable`: both stored values are immutable; the socket is closed only in `deinit`.
package final class RefusedPort: @unchecked Sendable {
    private let descriptor: Int32
    package let url: URL

    package init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw FixtureError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw FixtureError("bind: \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        url = URL(string: "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/")!
    }

    deinit { close(descriptor) }
}
