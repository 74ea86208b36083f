internal import CZlib

/// gzip (or raw deflate) inflated by zlib as its bytes arrive: `feed` takes any piece of the
/// compressed data and hands what it inflates to `output`, 64 KiB at a time; `finish` says
/// whether the data ended where the stream does. Concatenated gzip members are one stream, as
/// gunzip reads them. Limits are the caller's: it sees every piece before the next is made.
package final class GzipStream {
    private let stream: UnsafeMutablePointer<z_stream>
    private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 1)
    private let raw: Bool
    /// The last member ended and nothing came after it (yet).
    private var ended = false
    private var consumed = 0

    /// `raw`: deflate data without a header, as zip entries hold it.
    package init(raw: Bool = false) throws(ArchiveError) {
        self.raw = raw
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 window bits + 32: zlib detects the gzip or zlib header itself.
        let windowBits: Int32 = raw ? -15 : 15 + 32
        guard inflateInit2_(stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deallocate()
            chunk.deallocate()
            throw ArchiveError(reason: "zlib could not start inflating")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        chunk.deallocate()
    }

    package func feed(_ input: UnsafeRawBufferPointer, output: (UnsafeRawBufferPointer) throws -> Void) throws {
        var offset = 0
        var outputFull = false
        while offset < input.count || outputFull {
            if ended {
                // Raw deflate is one stream: what follows it is not its data.
                if raw { return }
                guard inflateReset(stream) == Z_OK else {
                    throw ArchiveError(reason: "zlib could not read the next gzip member")
                }
                ended = false
            }
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) + offset })
            stream.pointee.avail_in = UInt32(clamping: input.count - offset)
            stream.pointee.next_out = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self)
            stream.pointee.avail_out = UInt32(chunk.count)
            let before = stream.pointee.avail_in
            let status = inflate(stream, Z_NO_FLUSH)
            let used = Int(before - stream.pointee.avail_in)
            let produced = chunk.count - Int(stream.pointee.avail_out)
            offset += used
            consumed += used
            outputFull = produced == chunk.count
            if produced > 0 { try output(UnsafeRawBufferPointer(rebasing: chunk[0..<produced])) }
            switch status {
            case Z_STREAM_END:
                ended = true
                outputFull = false
            case Z_OK, Z_BUF_ERROR:
                // No progress with input left is zlib refusing it; with none left, it waits for more.
                if used == 0, produced == 0 {
                    guard offset == input.count else {
                        throw ArchiveError(reason: "is not valid gzip data (no progress near byte \(consumed))")
                    }
                    return
                }
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw ArchiveError(reason: "is not valid gzip data (\(message), near byte \(consumed))")
            }
        }
    }

    /// Throws when the data stopped inside a member (or held none).
    package func finish() throws(ArchiveError) {
        guard ended else { throw ArchiveError(reason: "ends before its gzip data does (truncated?)") }
    }
}
