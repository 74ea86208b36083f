/// File names are bytes; Swift strings are Unicode. A name that is not valid UTF-8 (a Latin-1
/// name from an old archive, a name made to hide a manifest) must still be opened, listed, looked
/// up in Git and reported, so names travel as strings that hold their bytes losslessly:
///
/// - valid UTF-8 is itself;
/// - every other byte, and each byte of a character in U+F780...U+F7FF (so the mapping stays one
///   to one), becomes the private-use character U+F700 + byte (as Python's `surrogateescape`,
///   which Swift strings cannot hold).
///
/// `bytes(of:)` gives back the exact bytes for system calls and libgit2; `escaped(_:)` is the form
/// for people: `\xNN` for such bytes, and control characters spelled out.
package enum FileName {
    static let escapedBytes: ClosedRange<UInt32> = 0xF780...0xF7FF

    /// The name (or path) whose bytes are `bytes`.
    package static func string(fromBytes bytes: some Collection<UInt8>) -> String {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self),
            !array.contains(0xEF) || !valid.unicodeScalars.contains(where: { escapedBytes.contains($0.value) })
        {
            return valid
        }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < array.count {
            if let (scalar, length) = UTF8Sequence.decode(array, at: index), !escapedBytes.contains(scalar.value) {
                scalars.append(scalar)
                index += length
            } else {
                let length = UTF8Sequence.decode(array, at: index)?.length ?? 1
                for byte in array[index..<index + length] { scalars.append(Unicode.Scalar(0xF700 + UInt32(byte))!) }
                index += length
            }
        }
        return String(scalars)
    }

    /// The name whose bytes a C string holds (readdir, libgit2).
    package static func string(fromCString pointer: UnsafePointer<CChar>) -> String {
        var count = 0
        while pointer[count] != 0 { count += 1 }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
            string(fromBytes: UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// The bytes a name stands for.
    package static func bytes(of name: String) -> [UInt8] {
        guard name.utf8.contains(0xEF) else { return Array(name.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if escapedBytes.contains(scalar.value) {
                bytes.append(UInt8(scalar.value - 0xF700))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Calls `body` with the name's bytes as a C string, for system calls and libgit2.
    package static func withCString<Result>(_ name: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows
        -> Result
    {
        var bytes = bytes(of: name).map { CChar(bitPattern: $0) }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// The name as a person should read it in a terminal, a report or a comment: bytes that are
    /// not UTF-8 as `\xNN`, newlines and tabs as `\n`, `\r`, `\t`, other control characters and the
    /// bidirectional overrides (which can make text read in another order) as `\u{NN}`.
    package static func escaped(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return name }
        var text = ""
        for scalar in name.unicodeScalars {
            let value = scalar.value
            switch value {
            case escapedBytes: text += "\\x" + hex(value - 0xF700, digits: 2)
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: text += "\\u{" + hex(value, digits: 0) + "}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
