/// Polaris' patterns for secrets written in plain text: names that hint at a credential,
/// and PEM private keys in values.
enum SensitiveContent {
    private static let exactNames: Set<String> = ["aws_secret_access_key", "google_application_credentials", "oci_cli_key_content"]
    private static let nameFragments = ["password", "token", "bearer", "secret"]

    static func isSensitiveName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        if exactNames.contains(lowered) { return true }
        if lowered.hasPrefix("azure_"), lowered.hasSuffix("key"), lowered.count > "azure_key".count { return true }
        return nameFragments.contains { lowered.contains($0) }
    }

    /// A line with `-BEGIN <anything> PRIVATE KEY-`.
    static func containsPrivateKey(_ value: String) -> Bool {
        guard value.contains("PRIVATE KEY") || value.lowercased().contains("private key") else { return false }
        for line in value.split(whereSeparator: \.isNewline) {
            let lowered = line.lowercased()
            guard let begin = lowered.range(of: "-begin") else { continue }
            let rest = lowered[begin.upperBound...]
            guard let first = rest.first, first.isWhitespace else { continue }
            if rest.contains("private key-") { return true }
        }
        return false
    }
}
