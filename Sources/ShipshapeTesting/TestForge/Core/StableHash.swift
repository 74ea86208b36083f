/// FNV-1a, 64 bits: the same text gives the same number in every run (unlike `hashValue`), for
/// ETags and ids derived from names.
func stableHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
}

func stableNumber(_ text: String, below limit: Int = 1_000_000) -> Int {
    Int(stableHash(text.utf8) % UInt64(limit))
}

/// A 40-hex-digit id derived from text, shaped like the SHA-1 ids GitLab gives discussions.
func stableHexID(_ text: String) -> String {
    let parts = (0..<3).map { String(stableHash(Array("\($0):\(text)".utf8)), radix: 16) }
    let joined = parts.map { String(repeating: "0", count: 16 - $0.count) + $0 }.joined()
    return String(joined.prefix(40))
}
