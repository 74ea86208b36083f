#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a whole file into bytes with one `read` loop, and says why when it cannot.
public enum FileContents {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { reason }
    }

    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(path: path, reason: "cannot open the file: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(path: path, reason: "cannot read the file: \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw Failure(path: path, reason: "is a folder, not a file") }
        // One byte more than the size, so the usual whole file arrives in one piece and the end
        // of the file is seen without a second buffer; a file that grew meanwhile is read on.
        var bytes: [UInt8] = []
        var chunk = max(Int(info.st_size), 0) + 1
        while true {
            var result = 0
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
                result = fill(buffer, from: descriptor)
                initialized = max(result, 0)
            }
            if result < 0 { throw Failure(path: path, reason: "cannot read the file: \(String(cString: strerror(Int32(-result))))") }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if piece.count < chunk { return bytes }
            chunk = max(chunk, 1 << 16)
        }
    }

    /// Reads until the buffer is full or the file ends: the count read, or minus `errno`.
    private static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from descriptor: Int32) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return -Int(errno)
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}
