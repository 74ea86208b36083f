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
        guard let first = pattern.first else { return true }
        return bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress,
                haystack.count >= pattern.count
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
}
