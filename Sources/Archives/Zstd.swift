/// zstd data decompressed in process by libzstd, into at most `limit` bytes: refused when it
/// passes the limit, not after. Data too large to hold goes through `ZstdStream` instead.
package enum Zstd {
    package static func decompress(_ compressed: [UInt8], limit: Int) throws(ArchiveError) -> [UInt8] {
        let stream = try ZstdStream()
        var output: [UInt8] = []
        try ArchiveError.rethrowing {
            try compressed.withUnsafeBytes { input in
                try stream.feed(input) { piece in
                    if output.count + piece.count > limit {
                        throw ArchiveError(
                            reason: "decompresses to more than \(limit >> 20) MiB; refused", isOverLimit: true)
                    }
                    output.append(contentsOf: piece)
                }
            }
        }
        try stream.finish()
        return output
    }
}
