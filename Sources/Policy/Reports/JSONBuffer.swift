/// The growing bytes of a JSON document, written through a pointer: a report appends a few
/// bytes at a time, millions of times, and each `Array.append` checks uniqueness and capacity.
///
/// A value type over a buffer it owns alone (`JSONWriter` is never copied while writing); a
/// copy would share the storage, so the writer only ever hands out `bytes`, a copy.
struct JSONBuffer: @unchecked Sendable {
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        func reserve(_ extra: Int) {
            guard count + extra > capacity else { return }
            let grown = max(capacity * 2, count + extra)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            moved.update(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = grown
        }
    }

    private let storage: Storage

    init(capacity: Int) {
        storage = Storage(capacity: capacity)
    }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage.base, count: storage.count)) }

    func append(_ byte: UInt8) {
        storage.reserve(1)
        storage.base[storage.count] = byte
        storage.count += 1
    }

    func append(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
        storage.reserve(3)
        let at = storage.base + storage.count
        at[0] = first
        at[1] = second
        at[2] = third
        storage.count += 3
    }

    func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress, !run.isEmpty else { return }
        storage.reserve(run.count)
        (storage.base + storage.count).update(from: source, count: run.count)
        storage.count += run.count
    }

    func appendNewline(indent: Int) {
        storage.reserve(1 + indent)
        let at = storage.base + storage.count
        at[0] = UInt8(ascii: "\n")
        (at + 1).update(repeating: 0x20, count: indent)
        storage.count += 1 + indent
    }

    /// Digits straight into the buffer: `String(value)` would allocate for every line and column.
    func appendDecimal(_ value: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { scratch in
            var magnitude = value.magnitude
            var index = scratch.count
            repeat {
                index -= 1
                scratch[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                index -= 1
                scratch[index] = UInt8(ascii: "-")
            }
            append(UnsafeBufferPointer(rebasing: scratch.bindMemory(to: UInt8.self)[index...]))
        }
    }

    /// `"value"`, with quotes, backslashes and control characters escaped.
    func appendQuoted(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            storage.reserve(utf8.count + 2)
            append(UInt8(ascii: "\""))
            if !Self.needsEscaping(utf8) {
                append(utf8)
                append(UInt8(ascii: "\""))
                return
            }
            // Copy runs that need no escaping in one go; most strings are one such run.
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscaped(byte)
                runStart = index + 1
            }
            append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
            append(UInt8(ascii: "\""))
        }
    }

    /// Whether any byte is a control character, a quote or a backslash: eight bytes at a time
    /// with the classic "has a byte less than n / equal to n" word tricks.
    static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        while index + 8 <= utf8.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if (word &- ones &* 0x20) & ~word & highs != 0 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) {
                return true
            }
            index += 8
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    private func appendEscaped(_ byte: UInt8) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""): append(backslash); append(UInt8(ascii: "\""))
        case backslash: append(backslash); append(backslash)
        case UInt8(ascii: "\n"): append(backslash); append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): append(backslash); append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): append(backslash); append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            append(backslash, UInt8(ascii: "u"), UInt8(ascii: "0"))
            append(UInt8(ascii: "0"))
            append(hex[Int(byte >> 4)])
            append(hex[Int(byte & 0xF)])
        }
    }
}
