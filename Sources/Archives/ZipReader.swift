/// Reads a zip archive (as OSV's per-ecosystem exports are) from memory through its central
/// directory, Zip64 included (exports hold more than 65,535 records); entries stored or deflated.
/// Every offset and size is checked against the archive, so a lying directory is an error.
package struct ZipReader {
    package struct Entry: Sendable, Equatable {
        package var name: String
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    private let bytes: [UInt8]
    package let entries: [Entry]

    package init(_ bytes: [UInt8], maximumEntries: Int = 2_000_000) throws(ArchiveError) {
        self.bytes = bytes
        guard let end = Self.endOfCentralDirectory(bytes) else {
            throw ArchiveError(reason: "is not a zip archive (no end of central directory)")
        }
        var count = Int(Self.uint16(bytes, end + 10))
        var size = Int(Self.uint32(bytes, end + 12))
        var offset = Int(Self.uint32(bytes, end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // The Zip64 locator sits just before the end record and points at the Zip64 end record.
            let locator = end - 20
            guard locator >= 0, Self.uint32(bytes, locator) == 0x0706_4b50 else {
                throw ArchiveError(reason: "has Zip64 sizes but no Zip64 locator")
            }
            let record = Int(clamping: Self.uint64(bytes, locator + 8))
            guard record >= 0, record + 56 <= bytes.count, Self.uint32(bytes, record) == 0x0606_4b50 else {
                throw ArchiveError(reason: "has a Zip64 locator that points outside the archive")
            }
            count = Int(clamping: Self.uint64(bytes, record + 32))
            size = Int(clamping: Self.uint64(bytes, record + 40))
            offset = Int(clamping: Self.uint64(bytes, record + 48))
        }
        guard count <= maximumEntries else {
            throw ArchiveError(reason: "has \(count) entries, more than \(maximumEntries); refused", isOverLimit: true)
        }
        guard offset >= 0, size >= 0, offset <= bytes.count - size else {
            throw ArchiveError(reason: "has a central directory outside the archive")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var cursor = offset
        for _ in 0..<count {
            guard cursor + 46 <= bytes.count, Self.uint32(bytes, cursor) == 0x0201_4b50 else {
                throw ArchiveError(reason: "has a broken central directory at byte \(cursor)")
            }
            let nameLength = Int(Self.uint16(bytes, cursor + 28))
            let extraLength = Int(Self.uint16(bytes, cursor + 30))
            let commentLength = Int(Self.uint16(bytes, cursor + 32))
            guard cursor + 46 + nameLength + extraLength + commentLength <= bytes.count else {
                throw ArchiveError(reason: "has a central directory entry that runs past the archive at byte \(cursor)")
            }
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            var entry = Entry(
                name: name, method: Self.uint16(bytes, cursor + 10),
                compressedSize: Int(Self.uint32(bytes, cursor + 20)),
                uncompressedSize: Int(Self.uint32(bytes, cursor + 24)),
                localHeaderOffset: Int(Self.uint32(bytes, cursor + 42)))
            Self.applyZip64(bytes[(cursor + 46 + nameLength)..<(cursor + 46 + nameLength + extraLength)], to: &entry)
            entries.append(entry)
            cursor += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The entry's bytes, inflated into at most `limit` bytes.
    package func contents(of entry: Entry, limit: Int) throws(ArchiveError) -> [UInt8] {
        let header = entry.localHeaderOffset
        guard header >= 0, header + 30 <= bytes.count, Self.uint32(bytes, header) == 0x0403_4b50 else {
            throw ArchiveError(entry: entry.name, reason: "has no local header where the directory says")
        }
        let start = header + 30 + Int(Self.uint16(bytes, header + 26)) + Int(Self.uint16(bytes, header + 28))
        guard entry.compressedSize >= 0, start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw ArchiveError(
                entry: entry.name, reason: "claims \(entry.compressedSize) bytes, more than the archive holds")
        }
        let data = Array(bytes[start..<(start + entry.compressedSize)])
        switch entry.method {
        case 0:
            guard data.count <= limit else {
                throw ArchiveError(
                    entry: entry.name, reason: "is larger than \(limit >> 20) MiB; refused", isOverLimit: true)
            }
            return data
        case 8:
            do { return try Gzip.inflateRaw(data, limit: limit) } catch {
                throw ArchiveError(entry: entry.name, reason: error.reason, isOverLimit: error.isOverLimit)
            }
        default:
            throw ArchiveError(
                entry: entry.name, reason: "uses compression method \(entry.method); only stored and deflate are read")
        }
    }

    /// Zip64's extra field (id 1) holds, in this order, whichever of the sizes and offset are 0xFFFFFFFF.
    private static func applyZip64(_ extra: ArraySlice<UInt8>, to entry: inout Entry) {
        var cursor = extra.startIndex
        while cursor + 4 <= extra.endIndex {
            let id = uint16(extra, cursor)
            let length = Int(uint16(extra, cursor + 2))
            guard cursor + 4 + length <= extra.endIndex else { return }
            if id == 1 {
                var field = cursor + 4
                func next() -> Int? {
                    guard field + 8 <= cursor + 4 + length else { return nil }
                    defer { field += 8 }
                    return Int(clamping: uint64(extra, field))
                }
                if entry.uncompressedSize == 0xFFFF_FFFF, let value = next() { entry.uncompressedSize = value }
                if entry.compressedSize == 0xFFFF_FFFF, let value = next() { entry.compressedSize = value }
                if entry.localHeaderOffset == 0xFFFF_FFFF, let value = next() { entry.localHeaderOffset = value }
            }
            cursor += 4 + length
        }
    }

    /// The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
    private static func endOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        for start in stride(from: bytes.count - 22, through: lowest, by: -1) where uint32(bytes, start) == 0x0605_4b50 {
            return start
        }
        return nil
    }

    static func uint16<C: RandomAccessCollection>(_ bytes: C, _ at: Int) -> UInt16
    where C.Element == UInt8, C.Index == Int {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func uint32<C: RandomAccessCollection>(_ bytes: C, _ at: Int) -> UInt32
    where C.Element == UInt8, C.Index == Int {
        UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
    }

    static func uint64<C: RandomAccessCollection>(_ bytes: C, _ at: Int) -> UInt64
    where C.Element == UInt8, C.Index == Int {
        UInt64(uint32(bytes, at)) | UInt64(uint32(bytes, at + 4)) << 32
    }
}
