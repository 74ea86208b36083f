/// What reads a tar stream's members as `TarStream` finds them: each member's header, then (for
/// regular files) its contents in pieces as they arrive, then its end.
package protocol TarVisitor {
    /// A member starts; `entry.contents` is empty, `size` is what its contents will hold.
    mutating func begin(_ entry: TarEntry, size: Int) throws
    /// A piece of a regular file's contents, in order.
    mutating func contents(_ bytes: UnsafeRawBufferPointer) throws
    mutating func end() throws
}

/// Reads a tar stream (POSIX ustar and pax, GNU long names, base-256 sizes) as its bytes arrive,
/// in pieces of any size: only a header (512 bytes) or a long name or pax header (at most
/// `extendedHeaderLimit`) is held; file contents pass straight to the visitor. `finish` says
/// whether the data ended between members; a size larger than the data is an error there.
package struct TarStream {
    private enum State {
        case header
        case extended(type: UInt8, name: String, size: Int)
        case contents(name: String, remaining: Int)
        case skip(remaining: Int)
        case end
    }

    private static let block = 512
    package static let extendedHeaderLimit = 1 << 20
    private var state = State.header
    private var held: [UInt8] = []
    private var offset = 0
    private var longName: String?
    private var longLink: String?
    private var paxName: String?
    private var paxLink: String?
    private var paxSize: Int?

    package init() {}

    package mutating func feed(_ input: UnsafeRawBufferPointer, into visitor: inout some TarVisitor) throws {
        var index = 0
        while index < input.count {
            let available = input.count - index
            switch state {
            case .end:
                // What follows the end-of-archive blocks is not read, as tar does not read it.
                return
            case .header:
                let taken = min(Self.block - held.count, available)
                held.append(contentsOf: input[index..<(index + taken)])
                index += taken
                offset += taken
                if held.count == Self.block {
                    let header = held
                    held.removeAll(keepingCapacity: true)
                    try begin(TarHeader(header[...]), at: offset - Self.block, visitor: &visitor)
                }
            case .extended(let type, let name, let size):
                let taken = min(size - held.count, available)
                held.append(contentsOf: input[index..<(index + taken)])
                index += taken
                offset += taken
                if held.count == size {
                    try extended(type, name: name, data: held[...])
                    held.removeAll(keepingCapacity: true)
                    state = Self.skipping(Self.padding(size))
                }
            case .contents(let name, let remaining):
                let taken = min(remaining, available)
                try visitor.contents(UnsafeRawBufferPointer(rebasing: input[index..<(index + taken)]))
                index += taken
                offset += taken
                if taken == remaining {
                    try visitor.end()
                    state = Self.skipping(Self.padding(offset))
                } else {
                    state = .contents(name: name, remaining: remaining - taken)
                }
            case .skip(let remaining):
                let taken = min(remaining, available)
                index += taken
                offset += taken
                state = Self.skipping(remaining - taken)
            }
        }
    }

    /// Throws when the data stopped inside a header or a member.
    package func finish() throws(ArchiveError) {
        switch state {
        case .end:
            return
        case .header:
            guard held.allSatisfy({ $0 == 0 }) else {
                throw ArchiveError(reason: "ends inside a tar header (truncated?)")
            }
        case .extended(_, let name, let size):
            throw ArchiveError(entry: name, reason: "claims \(size) bytes, more than the archive holds")
        case .contents(let name, let remaining):
            throw ArchiveError(entry: name, reason: "claims \(remaining) bytes more than the archive holds")
        case .skip:
            // A member's padding, or a skipped member's data: cut short, but nothing read was lost.
            throw ArchiveError(reason: "ends inside a member (truncated?)")
        }
    }

    private mutating func begin(_ header: TarHeader, at start: Int, visitor: inout some TarVisitor) throws {
        if header.isZero {
            state = .end
            return
        }
        guard header.checksumMatches else {
            throw ArchiveError(reason: "has a tar header whose checksum does not match at byte \(start)")
        }
        // A header's own size; a pax `size` replaces it for the next real member only, never for a
        // long name, long link or pax header between them.
        let headerSize = try header.size(at: start)
        guard headerSize >= 0 else { throw ArchiveError(entry: header.name, reason: "has a negative size") }
        switch header.type {
        case UInt8(ascii: "L"), UInt8(ascii: "K"), UInt8(ascii: "x"):
            guard headerSize <= Self.extendedHeaderLimit else {
                throw ArchiveError(
                    entry: header.name,
                    reason: "has an extended header of \(headerSize) bytes, more than 1 MiB; refused",
                    isOverLimit: true)
            }
            if headerSize == 0 {
                try extended(header.type, name: header.name, data: [])
            } else {
                state = .extended(type: header.type, name: header.name, size: headerSize)
            }
        case UInt8(ascii: "g"):
            state = Self.skipping(headerSize + Self.padding(headerSize))
        default:
            let size = paxSize ?? headerSize
            let kind = Self.kind(header.type)
            let entry = TarEntry(
                name: paxName ?? longName ?? header.name, kind: kind,
                linkName: paxLink ?? longLink ?? header.linkName, contents: [])
            (longName, longLink, paxName, paxLink, paxSize) = (nil, nil, nil, nil, nil)
            try visitor.begin(entry, size: kind == .file ? size : 0)
            if kind == .file, size > 0 {
                state = .contents(name: entry.name, remaining: size)
            } else {
                try visitor.end()
                state = Self.skipping(size + Self.padding(size))
            }
        }
    }

    private mutating func extended(_ type: UInt8, name: String, data: ArraySlice<UInt8>) throws(ArchiveError) {
        switch type {
        case UInt8(ascii: "L"): longName = TarHeader.text(data)
        case UInt8(ascii: "K"): longLink = TarHeader.text(data)
        default:
            let records = try PaxRecords.parse(data)
            paxName = records["path"]
            paxLink = records["linkpath"]
            paxSize = try records["size"].map { value throws(ArchiveError) in
                guard let size = Int(value), size >= 0 else {
                    throw ArchiveError(reason: "has a pax size that is not a number: \(value)")
                }
                return size
            }
        }
    }

    /// The bytes after `length` that fill its last block.
    private static func padding(_ length: Int) -> Int { (block - length % block) % block }

    private static func skipping(_ count: Int) -> State { count > 0 ? .skip(remaining: count) : .header }

    static func kind(_ type: UInt8) -> TarEntry.Kind {
        switch type {
        case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): .file
        case UInt8(ascii: "5"): .directory
        case UInt8(ascii: "2"): .symbolicLink
        case UInt8(ascii: "1"): .hardLink
        default: .other(type)
        }
    }
}
