/// gzip (and zlib) data inflated in process by zlib, into at most `limit` bytes: a small
/// archive that expands to gigabytes is refused when it passes the limit, not after. Raw deflate
/// (a zip entry's method 8) goes through the same loop. Data too large to hold goes through
/// `GzipStream` instead.
package enum Gzip {
    package static func inflate(_ compressed: [UInt8], limit: Int) throws(ArchiveError) -> [UInt8] {
        try inflate(compressed, limit: limit, stream: GzipStream())
    }

    /// Deflate data without a header, as zip entries hold it.
    package static func inflateRaw(_ compressed: [UInt8], limit: Int) throws(ArchiveError) -> [UInt8] {
        try inflate(compressed, limit: limit, stream: GzipStream(raw: true))
    }

    private static func inflate(_ compressed: [UInt8], limit: Int, stream: GzipStream) throws(ArchiveError) -> [UInt8] {
        try BoundedOutput.collect(
            compressed, limit: limit, verb: "inflates", feed: { try stream.feed($0, output: $1) },
            finish: stream.finish)
    }
}
