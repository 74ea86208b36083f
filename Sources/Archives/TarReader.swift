/// Reads a tar archive held in memory (POSIX ustar and pax, GNU long names, base-256 sizes)
/// through `TarStream`: every size is checked against what the data holds, so a lying header is
/// an error, never a read past the end.
package enum TarReader {
    /// Every member, in archive order (a later member of the same name replaces an earlier one
    /// when unpacked, as tar does).
    package static func entries(of bytes: [UInt8]) throws(ArchiveError) -> [TarEntry] {
        var stream = TarStream()
        var collected = Collector()
        try ArchiveError.rethrowing {
            try bytes.withUnsafeBytes { try stream.feed($0, into: &collected) }
        }
        try stream.finish()
        return collected.entries
    }

    private struct Collector: TarVisitor {
        var entries: [TarEntry] = []
        var contents: [UInt8] = []

        mutating func begin(_ entry: TarEntry, size: Int) {
            entries.append(entry)
            contents = []
        }

        mutating func contents(_ bytes: UnsafeRawBufferPointer) { contents.append(contentsOf: bytes) }

        mutating func end() {
            entries[entries.count - 1].contents = contents[...]
        }
    }
}
