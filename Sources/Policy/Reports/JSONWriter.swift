/// Writes pretty-printed JSON straight into bytes: two-space indents, `"key" : value`, keys in
/// the order the caller writes them (reports write them sorted). Reports hold tens of thousands
/// of findings; going through `Codable` cost more than checking the manifests.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the current container already has a member (so the next needs a comma).
    private var hasMembers: [Bool] = []

    public init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) + "\n" }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the enclosing object; the value is written next.
    public mutating func key(_ name: String) {
        startMember()
        appendString(name)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        valuePending = true
    }

    public mutating func string(_ value: String) {
        startValue()
        appendString(value)
    }

    public mutating func int(_ value: Int) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }

    /// Writes the member only when there is a value, as `Codable` omits nil optionals.
    public mutating func field(_ name: String, ifPresent value: String?) {
        if let value { field(name, value) }
    }

    // MARK: - Layout

    private var valuePending = false

    private mutating func startValue() {
        if valuePending {
            valuePending = false
        } else {
            startMember()
        }
    }

    private mutating func startMember() {
        guard !hasMembers.isEmpty else { return }
        if hasMembers[hasMembers.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMembers[hasMembers.count - 1] = true
        newline()
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        bytes.append(bracket)
        depth += 1
        hasMembers.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if hasMembers.removeLast() { newline() }
        bytes.append(bracket)
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { utf8 in
            // Copy runs that need no escaping in one go; most strings are one such run.
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscaped(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [backslash, UInt8(ascii: "\"")])
        case backslash: bytes.append(contentsOf: [backslash, backslash])
        case UInt8(ascii: "\n"): bytes.append(contentsOf: [backslash, UInt8(ascii: "n")])
        case UInt8(ascii: "\r"): bytes.append(contentsOf: [backslash, UInt8(ascii: "r")])
        case UInt8(ascii: "\t"): bytes.append(contentsOf: [backslash, UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
