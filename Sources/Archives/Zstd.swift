internal import CZstd

/// zstd data (one or more frames, as `zstd` writes image layers) decompressed in process by
/// libzstd's streaming API, into at most `limit` bytes: refused when it passes the limit, not after.
package enum Zstd {
    package static func decompress(_ compressed: [UInt8], limit: Int) throws(ArchiveError) -> [UInt8] {
        guard let stream = ZSTD_createDStream() else {
            throw ArchiveError(reason: "libzstd could not start decompressing")
        }
        defer { ZSTD_freeDStream(stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        var position = 0
        var lastHint = 0
        while true {
            let (hint, produced, consumed) = compressed.withUnsafeBytes { source in
                chunk.withUnsafeMutableBytes { target in
                    var input = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: position)
                    var out = ZSTD_outBuffer(dst: target.baseAddress, size: target.count, pos: 0)
                    let hint = ZSTD_decompressStream(stream, &out, &input)
                    return (hint, out.pos, input.pos)
                }
            }
            if ZSTD_isError(hint) != 0 {
                let message = String(cString: ZSTD_getErrorName(hint))
                throw ArchiveError(reason: "is not valid zstd data (\(message), near byte \(position))")
            }
            if output.count + produced > limit {
                throw ArchiveError(reason: "decompresses to more than \(limit >> 20) MiB; refused", isOverLimit: true)
            }
            output.append(contentsOf: chunk[0..<produced])
            let progressed = consumed > position || produced > 0
            position = consumed
            lastHint = hint
            if position == compressed.count, produced < chunk.count {
                // A hint of 0 means the last frame ended; anything else means the data stops inside one.
                guard lastHint == 0 else { throw ArchiveError(reason: "ends before its zstd data does (truncated?)") }
                return output
            }
            if !progressed { throw ArchiveError(reason: "ends before its zstd data does (truncated?)") }
        }
    }
}
