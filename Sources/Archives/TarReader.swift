/// Reads a tar stream (POSIX ustar and pax, GNU long names, base-256 sizes) from memory, header
/// by header; every size is checked against what is left, so a lying header is an error, never
/// a read past the end.
package struct TarReader {
    private let bytes: [UInt8]
    private var offset = 0
    private static let block = 512

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Every member, in archive order (a later member of the same name replaces an earlier one
    /// when unpacked, as tar does).
    package static func entries(of bytes: [UInt8]) throws(ArchiveError) -> [TarEntry] {
        var reader = TarReader(bytes)
        var entries: [TarEntry] = []
        while let entry = try reader.next() { entries.append(entry) }
        return entries
    }

    /// The next member, or nil at the end of the archive (two zero blocks, or the end of data).
    package mutating func next() throws(ArchiveError) -> TarEntry? {
        var longName: String?
        var longLink: String?
        var paxName: String?
        var paxLink: String?
        var paxSize: Int?
        while true {
            guard offset + Self.block <= bytes.count else {
                guard offset == bytes.count || bytes[offset...].allSatisfy({ $0 == 0 }) else {
                    throw ArchiveError(reason: "ends inside a tar header (truncated?)")
                }
                return nil
            }
            let header = TarHeader(bytes[offset..<(offset + Self.block)])
            if header.isZero { return nil }
            let start = offset
            guard header.checksumMatches else {
                throw ArchiveError(reason: "has a tar header whose checksum does not match at byte \(start)")
            }
            let size: Int
            if let paxSize { size = paxSize } else { size = try header.size(at: start) }
            let dataStart = offset + Self.block
            guard size >= 0, size <= bytes.count - dataStart else {
                throw ArchiveError(entry: header.name, reason: "claims \(size) bytes, more than the archive holds")
            }
            let data = bytes[dataStart..<(dataStart + size)]
            offset = dataStart + (size + Self.block - 1) / Self.block * Self.block
            switch header.type {
            case UInt8(ascii: "L"): longName = TarHeader.text(data)
            case UInt8(ascii: "K"): longLink = TarHeader.text(data)
            case UInt8(ascii: "x"):
                let records = try PaxRecords.parse(data)
                paxName = records["path"]
                paxLink = records["linkpath"]
                paxSize = try records["size"].map { value throws(ArchiveError) in
                    guard let size = Int(value), size >= 0 else {
                        throw ArchiveError(reason: "has a pax size that is not a number: \(value)")
                    }
                    return size
                }
            case UInt8(ascii: "g"): continue
            default:
                let name = paxName ?? longName ?? header.name
                return TarEntry(
                    name: name, kind: Self.kind(header.type), linkName: paxLink ?? longLink ?? header.linkName,
                    contents: Self.kind(header.type) == .file ? data : [])
            }
        }
    }

    private static func kind(_ type: UInt8) -> TarEntry.Kind {
        switch type {
        case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): .file
        case UInt8(ascii: "5"): .directory
        case UInt8(ascii: "2"): .symbolicLink
        case UInt8(ascii: "1"): .hardLink
        default: .other(type)
        }
    }
}
