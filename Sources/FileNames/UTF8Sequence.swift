/// One UTF-8 sequence checked by the rules of RFC 3629 (no overlong forms, no surrogates,
/// nothing past U+10FFFF).
enum UTF8Sequence {
    static func decode(_ bytes: [UInt8], at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        let secondRange: ClosedRange<UInt8>
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, secondRange, value) = (2, 0x80...0xBF, UInt32(lead & 0x1F))
        case 0xE0: (length, secondRange, value) = (3, 0xA0...0xBF, UInt32(lead & 0x0F))
        case 0xE1...0xEC, 0xEE...0xEF: (length, secondRange, value) = (3, 0x80...0xBF, UInt32(lead & 0x0F))
        case 0xED: (length, secondRange, value) = (3, 0x80...0x9F, UInt32(lead & 0x0F))
        case 0xF0: (length, secondRange, value) = (4, 0x90...0xBF, UInt32(lead & 0x07))
        case 0xF1...0xF3: (length, secondRange, value) = (4, 0x80...0xBF, UInt32(lead & 0x07))
        case 0xF4: (length, secondRange, value) = (4, 0x80...0x8F, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard offset == 1 ? secondRange.contains(byte) : (0x80...0xBF).contains(byte) else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
