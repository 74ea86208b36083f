internal import CZlib

/// gzip (and zlib) data inflated in process by zlib, into at most `limit` bytes: a small
/// archive that expands to gigabytes is refused when it passes the limit, not after. Raw deflate
/// (a zip entry's method 8) goes through the same loop.
package enum Gzip {
    package static func inflate(_ compressed: [UInt8], limit: Int) throws(ArchiveError) -> [UInt8] {
        // 15 window bits + 32: zlib detects the gzip or zlib header itself.
        try inflate(compressed, limit: limit, windowBits: 15 + 32)
    }

    /// Deflate data without a header, as zip entries hold it.
    package static func inflateRaw(_ compressed: [UInt8], limit: Int) throws(ArchiveError) -> [UInt8] {
        try inflate(compressed, limit: limit, windowBits: -15)
    }

    private static func inflate(_ compressed: [UInt8], limit: Int, windowBits: Int32) throws(ArchiveError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ArchiveError(reason: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var consumed = 0
        while true {
            let (status, used) = step(&stream, input: compressed, from: consumed, into: &chunk)
            consumed += used
            let produced = chunk.count - Int(stream.avail_out)
            if output.count + produced > limit {
                throw ArchiveError(reason: "inflates to more than \(limit >> 20) MiB; refused", isOverLimit: true)
            }
            output.append(contentsOf: chunk[0..<produced])
            switch status {
            case Z_STREAM_END:
                // Concatenated gzip members are one stream, as gunzip reads them.
                guard consumed < compressed.count, windowBits > 0 else { return output }
                guard inflateReset(&stream) == Z_OK else {
                    throw ArchiveError(reason: "zlib could not read the next gzip member")
                }
            case Z_OK, Z_BUF_ERROR:
                // No progress with all input given: the data stops before the stream does.
                if produced == 0, used == 0 {
                    throw ArchiveError(reason: "ends before its gzip data does (truncated?)")
                }
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw ArchiveError(reason: "is not valid gzip data (\(message), near byte \(consumed))")
            }
        }
    }

    /// One call of zlib's inflate over the input from `start`: its status and the bytes it used.
    private static func step(_ stream: inout z_stream, input: [UInt8], from start: Int, into chunk: inout [UInt8]) -> (
        Int32, Int
    ) {
        input.withUnsafeBufferPointer { bytes in
            chunk.withUnsafeMutableBufferPointer { buffer in
                stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress.map { $0 + start })
                stream.avail_in = UInt32(clamping: bytes.count - start)
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(buffer.count)
                let before = stream.avail_in
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                return (status, Int(before - stream.avail_in))
            }
        }
    }
}
