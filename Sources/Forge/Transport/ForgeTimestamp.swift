import Foundation

/// The forges' timestamps: ISO 8601, with or without fractional seconds (GitLab writes them,
/// GitHub and Gitea do not).
enum ForgeTimestamp {
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
