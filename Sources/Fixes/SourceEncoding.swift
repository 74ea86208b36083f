/// How a manifest's text is stored: edits are made on UTF-8 without a byte order mark, and the
/// file is given back in the form it came in, so a BOM or UTF-16 does not shift any position.
enum SourceEncoding: Equatable {
    case utf8
    case utf8WithBOM
    case utf16(bigEndian: Bool)

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// libyaml's detection: a byte order mark, else UTF-8.
    init(of bytes: [UInt8]) {
        if bytes.starts(with: Self.utf8BOM) {
            self = .utf8WithBOM
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            self = .utf16(bigEndian: false)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            self = .utf16(bigEndian: true)
        } else {
            self = .utf8
        }
    }

    /// The text as UTF-8 without a BOM; nil when UTF-16 code units do not make valid text.
    func utf8(_ bytes: [UInt8]) -> [UInt8]? {
        switch self {
        case .utf8: return bytes
        case .utf8WithBOM: return Array(bytes.dropFirst(Self.utf8BOM.count))
        case .utf16(let bigEndian):
            guard bytes.count % 2 == 0 else { return nil }
            let units = stride(from: 2, to: bytes.count, by: 2).map { index -> UInt16 in
                let high = UInt16(bytes[bigEndian ? index : index + 1])
                let low = UInt16(bytes[bigEndian ? index + 1 : index])
                return high << 8 | low
            }
            var output: [UInt8] = []
            output.reserveCapacity(units.count)
            let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) {
                output.append($0)
            }
            return failed ? nil : output
        }
    }

    /// UTF-8 text (no BOM) back in this encoding, with the BOM it had.
    func encode(_ utf8: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8: return utf8
        case .utf8WithBOM: return Self.utf8BOM + utf8
        case .utf16(let bigEndian):
            var output: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            output.reserveCapacity(utf8.count * 2 + 2)
            _ = transcode(utf8.makeIterator(), from: UTF8.self, to: UTF16.self, stoppingOnError: false) {
                (unit: UInt16) in
                let high = UInt8(truncatingIfNeeded: unit >> 8)
                let low = UInt8(truncatingIfNeeded: unit)
                output += bigEndian ? [high, low] : [low, high]
            }
            return output
        }
    }
}
