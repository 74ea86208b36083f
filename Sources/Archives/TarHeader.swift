/// The fields of one 512-byte tar header that Shipshape reads.
struct TarHeader {
    private let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    var isZero: Bool { bytes.allSatisfy { $0 == 0 } }
    var type: UInt8 { field(156, 1).first ?? 0 }
    var linkName: String { Self.text(field(157, 100)) }

    /// The name, with the POSIX ustar prefix (GNU headers use those bytes for other things).
    var name: String {
        let name = Self.text(field(0, 100))
        let isPOSIX = Array(field(257, 6)) == Array("ustar\0".utf8)
        let prefix = isPOSIX ? Self.text(field(345, 155)) : ""
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    /// Octal digits, or GNU's base-256 for sizes of 8 GiB and more (first byte's high bit set).
    func size(at offset: Int) throws(ArchiveError) -> Int {
        let raw = field(124, 12)
        if let first = raw.first, first & 0x80 != 0 {
            guard first == 0x80, raw.dropFirst().prefix(3).allSatisfy({ $0 == 0 }) else {
                throw ArchiveError(
                    entry: name, reason: "has a negative or oversized base-256 size (header at byte \(offset))")
            }
            return raw.dropFirst(4).reduce(0) { $0 << 8 | Int($1) }
        }
        guard let size = Self.octal(raw) else {
            throw ArchiveError(entry: name, reason: "has a size that is not octal digits (header at byte \(offset))")
        }
        return size
    }

    /// The sum of the header's bytes with the checksum field taken as spaces, compared as tar
    /// writers compute it (unsigned; some old ones used signed bytes).
    var checksumMatches: Bool {
        guard let stored = Self.octal(field(148, 8)) else { return false }
        var unsigned = 0
        var signed = 0
        for (index, byte) in bytes.enumerated() {
            let value = (148..<156).contains(index) ? UInt8(ascii: " ") : byte
            unsigned += Int(value)
            signed += Int(Int8(bitPattern: value))
        }
        return stored == unsigned || stored == signed
    }

    private func field(_ start: Int, _ length: Int) -> ArraySlice<UInt8> {
        bytes[(bytes.startIndex + start)..<(bytes.startIndex + start + length)]
    }

    /// A NUL-terminated text field (names are bytes; invalid UTF-8 is shown with U+FFFD).
    static func text(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    static func octal(_ field: ArraySlice<UInt8>) -> Int? {
        let digits = field.drop { $0 == UInt8(ascii: " ") }.prefix { $0 != 0 && $0 != UInt8(ascii: " ") }
        guard !digits.isEmpty else { return field.allSatisfy { $0 == 0 || $0 == UInt8(ascii: " ") } ? 0 : nil }
        guard digits.count <= 21 else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { return nil }
            value = value * 8 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
