/// Reads a tar archive held in memory (POSIX ustar and pax, GNU long names, base-256 sizes)
/// through `TarStream`: every size is checked against what the data holds, so a lying header is
/// an error, never a read past the end.
package enum TarReader {
    /// Every member, in archive order (a later member of the same name replaces an earlier one
    /// when unpacked, as tar does). Members' contents are slices of `bytes`, not copies.
    package static func entries(of bytes: [UInt8]) throws(ArchiveError) -> [TarEntry] {
        var stream = TarStream()
        let entries = try ArchiveError.rethrowing {
            try bytes.withUnsafeBytes { buffer in
                var collected = Collector(archive: bytes, start: buffer.baseAddress)
                try stream.feed(buffer, into: &collected)
                return collected.entries
            }
        }
        try stream.finish()
        return entries
    }

    /// Notes where each member's contents lie in the archive: `TarStream` hands them over as
    /// pieces of the one buffer it was fed, so their offsets from its start name the slice.
    private struct Collector: TarVisitor {
        let archive: [UInt8]
        /// The start of `archive`'s bytes, as fed (nil when there are none).
        let start: UnsafeRawPointer?
        var entries: [TarEntry] = []
        var contents: Range<Int>?

        mutating func begin(_ entry: TarEntry, size: Int) {
            entries.append(entry)
            contents = nil
        }

        mutating func contents(_ bytes: UnsafeRawBufferPointer) {
            guard let start, let base = bytes.baseAddress else { return }
            let offset = start.distance(to: base)
            contents = (contents?.lowerBound ?? offset)..<(offset + bytes.count)
        }

        mutating func end() {
            if let contents { entries[entries.count - 1].contents = archive[contents] }
        }
    }
}
