internal import CZstd

/// zstd data (one or more frames, as `zstd` writes image layers) decompressed by libzstd's
/// streaming API as its bytes arrive: `feed` hands what it decompresses to `output` a block at a
/// time; `finish` says whether the data ended where a frame does. Limits are the caller's.
package final class ZstdStream {
    private let stream: OpaquePointer
    private let chunk: UnsafeMutableRawBufferPointer
    /// libzstd's last answer: 0 when a frame has just ended, else more is expected (nothing read yet counts).
    private var hint = 1
    private var consumed = 0

    package init() throws(ArchiveError) {
        guard let stream = ZSTD_createDStream() else {
            throw ArchiveError(reason: "libzstd could not start decompressing")
        }
        self.stream = stream
        chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: ZSTD_DStreamOutSize(), alignment: 1)
    }

    deinit {
        ZSTD_freeDStream(stream)
        chunk.deallocate()
    }

    package func feed(_ input: UnsafeRawBufferPointer, output: (UnsafeRawBufferPointer) throws -> Void) throws {
        var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        while true {
            var target = ZSTD_outBuffer(dst: chunk.baseAddress, size: chunk.count, pos: 0)
            let answer = ZSTD_decompressStream(stream, &target, &source)
            if ZSTD_isError(answer) != 0 {
                let message = String(cString: ZSTD_getErrorName(answer))
                throw ArchiveError(reason: "is not valid zstd data (\(message), near byte \(consumed + source.pos))")
            }
            hint = answer
            if target.pos > 0 { try output(UnsafeRawBufferPointer(rebasing: chunk[0..<target.pos])) }
            // All input taken and the output not full: libzstd holds nothing more to give.
            if source.pos == source.size, target.pos < target.size { break }
        }
        consumed += input.count
    }

    /// Throws when the data stopped inside a frame (or held none).
    package func finish() throws(ArchiveError) {
        guard hint == 0 else { throw ArchiveError(reason: "ends before its zstd data does (truncated?)") }
    }
}
