import Foundation

/// The IMF-fixdate of HTTP headers (`Last-Modified`, `If-Modified-Since`), RFC 9110 §5.6.7.
enum HTTPHeaderDate {
    static func string(_ date: Date) -> String { formatter().string(from: date) }

    static func date(_ text: String) -> Date? { formatter().date(from: text) }

    /// A fresh formatter each time: `DateFormatter` is not safe to share between server threads.
    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
