internal import CGit2

/// A Git object id (SHA-1), as a value: 20 bytes, hashed and compared as three integers (reviews
/// look up tens of thousands of them), written as hex only when shown.
public struct ObjectID: Sendable, Hashable, CustomStringConvertible {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 40 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 20)
        for index in 0..<20 {
            guard let upper = Self.value(of: digits[2 * index]), let lower = Self.value(of: digits[2 * index + 1]) else { return nil }
            bytes[index] = upper << 4 | lower
        }
        self.init(bytes: bytes)
    }

    init(_ oid: git_oid) {
        let bytes = withUnsafeBytes(of: oid.id) { Array($0.prefix(20)) }
        self.init(bytes: bytes)
    }

    private init(bytes: [UInt8]) {
        func integer<T: FixedWidthInteger>(_ range: Range<Int>, as type: T.Type) -> T {
            bytes[range].reduce(T(0)) { $0 << 8 | T($1) }
        }
        high = integer(0..<8, as: UInt64.self)
        middle = integer(8..<16, as: UInt64.self)
        low = integer(16..<20, as: UInt32.self)
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

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
    }

    public var description: String { hex }
    public var short: String { String(hex.prefix(7)) }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
