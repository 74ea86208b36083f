/// The growing bytes of a JSON document, written through a pointer: a report appends a few
/// bytes at a time, millions of times, and each `Array.append` checks uniqueness and capacity.
/// With a sink, full buffers go to the sink instead of growing (a report streamed to stdout).
///
/// The pointer state lives in this struct and a class owns the allocation; a copy of a writer
/// gets storage of its own before it writes (copy on write), as an `Array` would.
struct JSONBuffer {
    typealias Sink = (UnsafeBufferPointer<UInt8>) -> Void

    private final class Allocation {
        var base: UnsafeMutablePointer<UInt8>

        init(capacity: Int) { base = .allocate(capacity: capacity) }

        deinit { base.deallocate() }
    }

    private var allocation: Allocation
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let sink: Sink?

    init(capacity: Int, sink: Sink? = nil) {
        self.capacity = max(capacity, 64)
        allocation = Allocation(capacity: self.capacity)
        base = allocation.base
        self.sink = sink
    }

    /// What is written and not yet handed to the sink.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands what is written to the sink (if there is one).
    mutating func flush() {
        guard let sink, count > 0 else { return }
        sink(UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity || !isKnownUniquelyReferenced(&allocation) { makeRoom(for: extra) }
    }

    @inline(never)
    private mutating func makeRoom(for extra: Int) {
        guard isKnownUniquelyReferenced(&allocation) else {
            // A copy of the writer: continue in storage of its own.
            let own = Allocation(capacity: max(capacity, count + extra))
            own.base.update(from: base, count: count)
            allocation = own
            base = own.base
            capacity = max(capacity, count + extra)
            return
        }
        if sink != nil {
            flush()
            if extra <= capacity { return }
        }
        let grown = max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: count)
        allocation.base.deallocate()
        allocation.base = moved
        base = moved
        capacity = grown
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
        reserve(3)
        base[count] = first
        base[count + 1] = second
        base[count + 2] = third
        count += 3
    }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress, !run.isEmpty else { return }
        reserve(run.count)
        (base + count).update(from: source, count: run.count)
        count += run.count
    }

    mutating func appendNewline(indent: Int) {
        reserve(1 + indent)
        base[count] = UInt8(ascii: "\n")
        (base + count + 1).update(repeating: 0x20, count: indent)
        count += 1 + indent
    }

    /// Digits straight into the buffer: `String(value)` would allocate for every line and column.
    mutating func appendDecimal(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { scratch in
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
            append(UnsafeBufferPointer(rebasing: scratch[index...]))
        }
    }

    /// `"value"`, with quotes, backslashes and control characters escaped.
    mutating func appendQuoted(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
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
                guard Self.isEscaped(byte) else { continue }
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
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        while index + 8 <= utf8.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if (word &- ones &* 0x20) & ~word & highs != 0 || hasZeroByte(word ^ (ones &* 0x22))
                || hasZeroByte(word ^ (ones &* 0x5C))
            {
                return true
            }
            index += 8
        }
        while index < utf8.count {
            if isEscaped(utf8[index]) { return true }
            index += 1
        }
        return false
    }

    /// Control characters, quotes and backslashes are written escaped.
    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""):
            append(backslash)
            append(UInt8(ascii: "\""))
        case backslash:
            append(backslash)
            append(backslash)
        case UInt8(ascii: "\n"):
            append(backslash)
            append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"):
            append(backslash)
            append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"):
            append(backslash)
            append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            append(backslash, UInt8(ascii: "u"), UInt8(ascii: "0"))
            append(UInt8(ascii: "0"))
            append(hex[Int(byte >> 4)])
            append(hex[Int(byte & 0xF)])
        }
    }
}
