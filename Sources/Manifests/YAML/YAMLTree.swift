#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every node of one document, stored flat: one record per node, the children of every
/// collection as runs of record indices, and the text of every scalar in one byte buffer.
///
/// A document costs four allocations however many nodes it has, and freeing it costs four
/// deallocations. Building and freeing a tree of separately allocated nodes, arrays and strings
/// cost more than libyaml's parsing itself. Strings are made only for the scalars a caller reads.
final class YAMLTree: Sendable {
    struct Record: Sendable {
        enum Kind: UInt8, Sendable { case scalar, mapping, sequence }

        var kind: Kind
        var style: YAMLScalar.Style
        /// Written as an alias (`*name`): the node has its own position, its children the anchor's.
        /// (Kept beside the two one-byte fields, so a record is no larger.)
        var isAlias = false
        /// A scalar's first byte in `text`; a collection's first child in `links`.
        var first: Int32
        /// A scalar's byte count; a sequence's item count; a mapping's entry count (each entry
        /// is two links: key, then value).
        var count: Int32
        var start: SourcePosition
        var end: SourcePosition
    }

    let records: [Record]
    let links: [Int32]
    let text: [UInt8]
    /// Explicit tags (`!!str`), by record index: rare, so kept aside.
    let tags: [Int32: String]
    /// The link runs (`Record.first`) of mappings that set a key twice: rare, so a lookup that
    /// must see a key's last value pays for it only in these mappings.
    let repeatedKeyRuns: Set<Int32>

    init(records: [Record], links: [Int32], text: [UInt8], tags: [Int32: String], repeatedKeyRuns: Set<Int32> = []) {
        self.records = records
        self.links = links
        self.text = text
        self.tags = tags
        self.repeatedKeyRuns = repeatedKeyRuns
    }

    /// Whether the mapping at `record` sets some key twice.
    func hasRepeatedKeys(_ record: Record) -> Bool {
        record.kind == .mapping && record.count >= 2 && !repeatedKeyRuns.isEmpty
            && repeatedKeyRuns.contains(record.first)
    }

    func scalar(at index: Int32) -> YAMLScalar {
        let record = records[Int(index)]
        return YAMLScalar(text: string(record), style: record.style, tag: tags.isEmpty ? nil : tags[index])
    }

    func string(_ record: Record) -> String {
        Self.string(record, in: text)
    }

    /// Whether the node is a scalar whose text is exactly `key`, compared as bytes: the lookups
    /// `node["spec"]` make no strings.
    func isScalar(_ index: Int32, spelling key: String) -> Bool {
        Self.isScalar(records[Int(index)], spelling: key, in: text)
    }

    /// A scalar's text, from the buffer that holds it (the tree's, or the builder's while the
    /// document is read).
    static func string(_ record: Record, in text: [UInt8]) -> String {
        text.withUnsafeBufferPointer { bytes in
            String(
                decoding: UnsafeBufferPointer(rebasing: bytes[Int(record.first)..<Int(record.first + record.count)]),
                as: UTF8.self)
        }
    }

    static func isScalar(_ record: Record, spelling key: String, in text: [UInt8]) -> Bool {
        guard record.kind == .scalar else { return false }
        var key = key
        return key.withUTF8 { keyBytes in
            guard keyBytes.count == Int(record.count) else { return false }
            guard let keyBase = keyBytes.baseAddress else { return true }
            return text.withUnsafeBufferPointer { bytes in
                memcmp(bytes.baseAddress! + Int(record.first), keyBase, keyBytes.count) == 0
            }
        }
    }

    /// YAML 1.1's null spellings for a plain scalar without a tag, or the null tag.
    func isNullScalar(_ index: Int32) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return false }
        if !tags.isEmpty, let tag = tags[index] { return tag == "tag:yaml.org,2002:null" }
        guard record.style == .plain else { return false }
        switch record.count {
        case 0: return true
        case 1: return text[Int(record.first)] == UInt8(ascii: "~")
        case 4: return ["null", "Null", "NULL"].contains { isScalar(index, spelling: $0) }
        default: return false
        }
    }
}
