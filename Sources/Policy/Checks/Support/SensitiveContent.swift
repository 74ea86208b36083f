/// Polaris' patterns for secrets written in plain text: names that hint at a credential,
/// and PEM private keys in values. Matched on bytes, ASCII case-insensitively: these run on
/// every environment variable and ConfigMap entry of the tree.
enum SensitiveContent {
    private static let exactNames: Set<String> = [
        "aws_secret_access_key", "google_application_credentials", "oci_cli_key_content",
    ]
    private static let nameFragments: [[UInt8]] = ["password", "token", "bearer", "secret"].map { Array($0.utf8) }
    private static let begin = Array("-begin".utf8)
    private static let privateKey = Array("private key-".utf8)

    static func isSensitiveName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        if nameFragments.contains(where: { find($0, in: bytes[...]) != nil }) { return true }
        let lowered = name.lowercased()
        if exactNames.contains(lowered) { return true }
        return lowered.hasPrefix("azure_") && lowered.hasSuffix("key") && lowered.count > "azure_key".count
    }

    /// A line with `-BEGIN`, whitespace, anything, then `PRIVATE KEY-`.
    static func containsPrivateKey(_ value: String) -> Bool {
        var text = value
        return text.withUTF8 { containsPrivateKey(bytes: $0) }
    }

    private static func containsPrivateKey(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            if let afterBegin = find(begin, in: line), afterBegin < lineEnd, isSpace(bytes[afterBegin]),
                find(privateKey, in: bytes[afterBegin..<lineEnd]) != nil
            {
                return true
            }
            lineStart = lineEnd + 1
        }
        return false
    }

    /// The index just past the first ASCII case-insensitive occurrence of `needle` (given in lowercase).
    private static func find<Haystack: Collection<UInt8>>(_ needle: [UInt8], in haystack: Haystack) -> Haystack.Index? {
        guard let first = needle.first else { return haystack.startIndex }
        var index = haystack.startIndex
        while index != haystack.endIndex {
            if lower(haystack[index]) == first {
                var candidate = haystack.index(after: index)
                var matched = 1
                while matched < needle.count, candidate != haystack.endIndex,
                    lower(haystack[candidate]) == needle[matched]
                {
                    matched += 1
                    candidate = haystack.index(after: candidate)
                }
                if matched == needle.count { return candidate }
            }
            index = haystack.index(after: index)
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
