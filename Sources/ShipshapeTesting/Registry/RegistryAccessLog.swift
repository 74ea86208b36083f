import Foundation

/// Reads the registry's access log, one Combined Log Format line per request:
/// `127.0.0.1 - - [date] "GET /v2/app/tags/list?n=50 HTTP/1.1" 200 52 "" "user-agent"`.
enum RegistryAccessLog {
    struct Entry: Equatable {
        var method: String
        var uri: String
        var status: Int
        var userAgent: String
    }

    static func entries(in text: String) -> [Entry] {
        text.split(separator: "\n").compactMap(entry)
    }

    /// The log is written as each response completes, a moment after the client may have read it:
    /// waits until the file stops growing (up to a second) before reading it.
    static func settledText(of file: URL) throws -> String {
        var previous = try Data(contentsOf: file)
        for _ in 0..<20 {
            usleep(50_000)
            let current = try Data(contentsOf: file)
            if current == previous { break }
            previous = current
        }
        return String(decoding: previous, as: UTF8.self)
    }

    private static func entry(_ line: Substring) -> Entry? {
        let quoted = line.split(separator: "\"", omittingEmptySubsequences: false)
        // [prefix, request line, " status size ", referer, " ", user agent, ""]
        guard quoted.count >= 6 else { return nil }
        let request = quoted[1].split(separator: " ")
        let statusAndSize = quoted[2].split(separator: " ")
        guard request.count == 3, let statusText = statusAndSize.first, let status = Int(statusText) else { return nil }
        return Entry(method: String(request[0]), uri: String(request[1]), status: status, userAgent: String(quoted[5]))
    }
}
