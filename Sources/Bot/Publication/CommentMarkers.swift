import Foundation

/// Hidden HTML comments in the bot's comment bodies: how a re-run finds its own summary and
/// tells which finding an inline comment is about, whatever line it moved to.
package enum CommentMarkers {
    package static let summary = "<!-- shipshape:summary -->"
    /// Added to an inline comment whose finding is gone, where the forge cannot resolve threads.
    package static let fixed = "<!-- shipshape:fixed -->"

    package static func finding(_ fingerprint: String) -> String {
        "<!-- shipshape:finding \(escape(fingerprint)) -->"
    }

    /// The fingerprint an inline comment carries, if it is one of the bot's.
    package static func fingerprint(in body: String) -> String? {
        guard let start = body.range(of: "<!-- shipshape:finding "),
            let end = body.range(of: " -->", range: start.upperBound..<body.endIndex)
        else { return nil }
        return unescape(String(body[start.upperBound..<end.lowerBound]))
    }

    /// The body without the bot's markers, to quote it.
    package static func strip(_ body: String) -> String {
        body.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !($0.hasPrefix("<!-- shipshape:") && $0.hasSuffix("-->")) }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `--` cannot appear inside an HTML comment; fingerprints may hold it in names.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "-", with: "%2D").replacingOccurrences(
            of: ">", with: "%3E")
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "%3E", with: ">").replacingOccurrences(of: "%2D", with: "-").replacingOccurrences(
            of: "%25", with: "%")
    }
}
