/// Writes pretty-printed JSON straight into bytes: two-space indents, `"key" : value`, keys in
/// the order the caller writes them (reports write them sorted). Reports hold tens of thousands
/// of findings; going through `Codable` cost more than checking the manifests, and so did
/// appending to an `Array` one piece at a time, hence `JSONBuffer`.
package struct JSONWriter {
    private var buffer: JSONBuffer
    private var depth = 0
    /// Whether the current container already has a member (so the next needs a comma).
    private var hasMembers: [Bool] = []

    package init(capacity: Int = 1 << 16) {
        buffer = JSONBuffer(capacity: capacity)
    }

    /// A writer that hands its bytes to `sink` a buffer at a time, as they are written, and
    /// keeps none: for documents written straight out.
    package init(bufferSize: Int = 1 << 20, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        buffer = JSONBuffer(capacity: bufferSize, sink: sink)
    }

    /// Ends a streamed document: its closing newline, and the last bytes to the sink.
    package mutating func finish() {
        buffer.append(UInt8(ascii: "\n"))
        buffer.flush()
    }

    /// The bytes written so far (and not yet handed to a sink).
    package var bytes: [UInt8] { buffer.bytes }

    /// The finished document as text: the bytes and a closing newline.
    package var text: String { String(decoding: buffer.bytes, as: UTF8.self) + "\n" }

    /// The finished document; the writer is done with after this.
    package mutating func takeDocument() -> [UInt8] {
        buffer.append(UInt8(ascii: "\n"))
        return buffer.bytes
    }

    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    package mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the enclosing object; the value is written next.
    package mutating func key(_ name: String) {
        startMember()
        buffer.appendQuoted(name)
        buffer.append(0x20, UInt8(ascii: ":"), 0x20)
        valuePending = true
    }

    package mutating func string(_ value: String) {
        startValue()
        buffer.appendQuoted(value)
    }

    package mutating func int(_ value: Int) {
        startValue()
        buffer.appendDecimal(value)
    }

    package mutating func bool(_ value: Bool) {
        startValue()
        for byte in (value ? "true" : "false").utf8 { buffer.append(byte) }
    }

    package mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }
    package mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }
    package mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    /// Writes the member only when there is a value, as `Codable` omits nil optionals.
    package mutating func field(_ name: String, ifPresent value: String?) {
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
        if hasMembers[hasMembers.count - 1] { buffer.append(UInt8(ascii: ",")) }
        hasMembers[hasMembers.count - 1] = true
        buffer.appendNewline(indent: 2 * depth)
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        buffer.append(bracket)
        depth += 1
        hasMembers.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if hasMembers.removeLast() { buffer.appendNewline(indent: 2 * depth) }
        buffer.append(bracket)
    }
}
