/// What the whole-buffer readers share: compressed bytes fed through a stream in one piece, its
/// output collected into at most `limit` bytes, refused the moment it passes (`verb`: "inflates",
/// "decompresses"), then the stream's end checked.
enum BoundedOutput {
    static func collect(
        _ compressed: [UInt8], limit: Int, verb: String,
        feed: (UnsafeRawBufferPointer, (UnsafeRawBufferPointer) throws -> Void) throws -> Void,
        finish: () throws(ArchiveError) -> Void
    ) throws(ArchiveError) -> [UInt8] {
        var output: [UInt8] = []
        try ArchiveError.rethrowing {
            try compressed.withUnsafeBytes { input in
                try feed(input) { piece in
                    if output.count + piece.count > limit {
                        throw ArchiveError(
                            reason: "\(verb) to more than \(limit >> 20) MiB; refused", isOverLimit: true)
                    }
                    output.append(contentsOf: piece)
                }
            }
        }
        try finish()
        return output
    }
}
