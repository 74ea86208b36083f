#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension YAMLTree {
    /// A scalar key written again later in the same mapping, as indices into `links`: the
    /// occurrence before it and the later one. Kubernetes' decoders keep the repeat's value.
    struct RepeatedKey {
        var earlier: Int
        var later: Int
    }

    /// The repeated scalar keys among the `count` entries whose links start at `first`, each
    /// paired with its previous occurrence. Every mapping of every document is asked while it is
    /// built, so small mappings (nearly all of them) are compared pairwise without allocating.
    static func repeatedKeys(first: Int, count: Int, records: [Record], links: [Int32], text: [UInt8]) -> [RepeatedKey]
    {
        var found: [RepeatedKey] = []
        if count <= 16 {
            for later in 1..<max(count, 1) {
                let laterLink = first + 2 * later
                for earlier in stride(from: later - 1, through: 0, by: -1) {
                    let earlierLink = first + 2 * earlier
                    if sameScalar(links[earlierLink], links[laterLink], records: records, text: text) {
                        found.append(RepeatedKey(earlier: earlierLink, later: laterLink))
                        break
                    }
                }
            }
            return found
        }
        var lastSeen: [String: Int] = [:]
        for entry in 0..<count {
            let link = first + 2 * entry
            let record = records[Int(links[link])]
            guard record.kind == .scalar else { continue }
            let key = string(record, in: text)
            if let earlier = lastSeen[key] { found.append(RepeatedKey(earlier: earlier, later: link)) }
            lastSeen[key] = link
        }
        return found
    }

    private static func sameScalar(_ first: Int32, _ second: Int32, records: [Record], text: [UInt8]) -> Bool {
        let a = records[Int(first)]
        let b = records[Int(second)]
        guard a.kind == .scalar, b.kind == .scalar, a.count == b.count else { return false }
        if a.first == b.first || a.count == 0 { return true }
        return text.withUnsafeBufferPointer { bytes in
            memcmp(bytes.baseAddress! + Int(a.first), bytes.baseAddress! + Int(b.first), Int(a.count)) == 0
        }
    }
}
