/// Byte-level helpers for tag text. Tags are ASCII in practice, and scanning UTF-8 bytes keeps
/// parsing 10,000 registry tags within a millisecond or two.
enum ASCII {
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isDigit)
    }

    /// The run of digits at `index` as a number, advancing past it; nil when there is none or it
    /// overflows `Int` (such a tag is treated as no version rather than misordered).
    static func readNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, end: Int) -> Int? {
        let start = index
        var value = 0
        while index < end, isDigit(bytes[index]) {
            guard let next = appending(bytes[index], to: value) else { return nil }
            value = next
            index += 1
        }
        return index > start ? value : nil
    }

    /// The digits at the start of `bytes` as a number (JavaScript's `parseInt`); nil when there
    /// are none or they overflow.
    static func leadingNumber(_ bytes: Substring.UTF8View) -> Int? {
        var value = 0
        var index = bytes.startIndex
        while index < bytes.endIndex, isDigit(bytes[index]) {
            guard let next = appending(bytes[index], to: value) else { return nil }
            value = next
            bytes.formIndex(after: &index)
        }
        return index > bytes.startIndex ? value : nil
    }

    private static func appending(_ digit: UInt8, to value: Int) -> Int? {
        let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflowB) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
        return overflowA || overflowB ? nil : sum
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        range.isEmpty ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
