import Archives
import Testing

/// Tar streams written byte by byte here, for header orders GNU tar never writes but a hostile
/// layer or chart may hold.
@Suite struct TarStreamTests {
    /// One 512-byte ustar header with a valid checksum.
    static func header(name: String, type: Character, size: Int) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) {
            block.replaceSubrange(offset..<(offset + text.utf8.count), with: Array(text.utf8))
        }
        put(String(name.prefix(100)), at: 0)
        put("0000644\0", at: 100)
        put(String(repeating: "0", count: 11 - String(size, radix: 8).count) + String(size, radix: 8) + "\0", at: 124)
        put(String(type), at: 156)
        put("ustar\0" + "00", at: 257)
        put("        ", at: 148)
        let sum = block.reduce(0) { $0 + Int($1) }
        put(String(repeating: "0", count: 6 - String(sum, radix: 8).count) + String(sum, radix: 8) + "\0 ", at: 148)
        return block
    }

    /// `data` followed by zeros up to the next 512-byte boundary.
    static func padded(_ data: [UInt8]) -> [UInt8] {
        data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    /// A pax record, its length counting itself.
    static func paxRecord(_ key: String, _ value: String) -> String {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count
        while "\(length)\(body)".utf8.count != length { length = "\(length)\(body)".utf8.count }
        return "\(length)\(body)"
    }

    /// A pax `size` belongs to the next real member only: the GNU long-name header between them
    /// keeps its own size (the name here spans two blocks, so reading it at the pax size would
    /// take the name's second block for a header).
    @Test func aPaxSizeSkipsTheLongNameHeaderAndSizesTheMember() throws {
        let longName = "layer/" + String(repeating: "deep-folder/", count: 50) + "os-release"
        let contents = Array("ID=alpine\nVERSION_ID=3.20.1\n".utf8)
        let pax = Array(Self.paxRecord("size", "\(contents.count)").utf8)
        let name = Array(longName.utf8) + [0]
        var archive: [UInt8] = []
        archive += Self.header(name: "PaxHeaders/member", type: "x", size: pax.count) + Self.padded(pax)
        archive += Self.header(name: "././@LongLink", type: "L", size: name.count) + Self.padded(name)
        // The member's own size field is wrong on purpose: the pax size is the one that counts.
        archive += Self.header(name: "short", type: "0", size: 0) + Self.padded(contents)
        archive += [UInt8](repeating: 0, count: 1024)

        let entries = try TarReader.entries(of: archive)
        #expect(entries.map(\.name) == [longName])
        #expect(entries.first.map { Array($0.contents) } == contents)
    }
}
