internal import CGit2

/// A Git object id (SHA-1), as a value: 20 bytes, hashed and compared as three integers (reviews
/// look up tens of thousands of them), written as hex only when shown.
package struct ObjectID: Sendable, Hashable, CustomStringConvertible {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    package init?(hex: String) {
        self.init(hexDigits: hex.utf8)
    }

    /// Reads 40 hex digits from bytes (a line of a cache file) without making a String.
    package init?<Digits: Collection<UInt8>>(hexDigits digits: Digits) {
        guard digits.count == 40 else { return nil }
        var high: UInt64 = 0
        var middle: UInt64 = 0
        var low: UInt32 = 0
        var index = digits.startIndex
        for position in 0..<40 {
            guard let value = Self.value(of: digits[index]) else { return nil }
            switch position {
            case 0..<16: high = high << 4 | UInt64(value)
            case 16..<32: middle = middle << 4 | UInt64(value)
            default: low = low << 4 | UInt32(value)
            }
            index = digits.index(after: index)
        }
        self.high = high
        self.middle = middle
        self.low = low
    }

    init(_ oid: git_oid) {
        var high: UInt64 = 0
        var middle: UInt64 = 0
        var low: UInt32 = 0
        withUnsafeBytes(of: oid.id) { bytes in
            for index in 0..<8 { high = high << 8 | UInt64(bytes[index]) }
            for index in 8..<16 { middle = middle << 8 | UInt64(bytes[index]) }
            for index in 16..<20 { low = low << 8 | UInt32(bytes[index]) }
        }
        self.high = high
        self.middle = middle
        self.low = low
    }

    private var bytes: [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: high >> (8 * $0)) }
            + (0..<8).reversed().map { UInt8(truncatingIfNeeded: middle >> (8 * $0)) }
            + (0..<4).reversed().map { UInt8(truncatingIfNeeded: low >> (8 * $0)) }
    }

    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        return oid
    }

    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
    }

    package var description: String { hex }
    package var short: String { String(hex.prefix(7)) }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
