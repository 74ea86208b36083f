#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether a file's bytes contain a word: every file is asked, most say no, so candidates are
/// found with libc's memchr and compared with memcmp.
package enum ByteSearch {
    package static func contains(_ bytes: [UInt8], _ word: String) -> Bool {
        Array(word.utf8).withUnsafeBufferPointer { contains(bytes, pattern: $0) }
    }

    static func contains(_ bytes: [UInt8], pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { contains($0, pattern: pattern) }
    }

    /// `text.contains(word)` for an ASCII `word` without line breaks, with the same answer. String's
    /// own search compares Characters and costs tens of thousands of instructions for a
    /// path-sized text (through `BuildPath.clean` it was a quarter of `check`'s work); an ASCII
    /// text, whose Characters are its bytes (but `\r\n`), is searched here as bytes, and any
    /// other text the Character way.
    package static func contains(text: String, _ word: StaticString) -> Bool {
        var text = text
        let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        let answer: Bool? = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return contains(bytes, pattern: pattern)
        }
        return answer ?? text.contains(word.description)
    }

    /// `text.firstIndex(of: character)` for an ASCII `character` other than a line break, with
    /// the same answer: found on the bytes of an ASCII text (Character by Character it cost
    /// thousands of instructions for an `apiVersion`), the Character way in any other text, where
    /// a combining mark makes a `/` part of another Character.
    package static func firstIndex(of character: Unicode.Scalar, in text: String) -> String.Index? {
        guard character.isASCII, text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.firstIndex(of: Character(character))
        }
        return text.utf8.firstIndex(of: UInt8(character.value))
    }

    /// `text.lastIndex(of: character)`, the same way as `firstIndex(of:in:)`.
    package static func lastIndex(of character: Unicode.Scalar, in text: String) -> String.Index? {
        guard character.isASCII, text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lastIndex(of: Character(character))
        }
        return text.utf8.lastIndex(of: UInt8(character.value))
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress, haystack.count >= pattern.count
        else { return false }
        let lastStart = haystack.count - pattern.count
        var from = 0
        while from <= lastStart {
            guard let found = memchr(base + from, Int32(first), lastStart - from + 1) else { return false }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, patternBase, pattern.count) == 0 { return true }
            from = index + 1
        }
        return false
    }
}
