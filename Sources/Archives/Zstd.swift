/// zstd data decompressed in process by libzstd, into at most `limit` bytes: refused when it
/// passes the limit, not after. Data too large to hold goes through `ZstdStream` instead.
package enum Zstd {
    package static func decompress(_ compressed: [UInt8], limit: Int) throws(ArchiveError) -> [UInt8] {
        let stream = try ZstdStream()
        return try BoundedOutput.collect(
            compressed, limit: limit, verb: "decompresses", feed: { try stream.feed($0, output: $1) },
            finish: stream.finish)
    }
}
