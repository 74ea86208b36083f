import Foundation

/// The request line and header fields of one HTTP/1.1 request, and what they say about the body
/// and the connection.
struct RequestHead {
    var method: String
    var target: String
    var version: String
    var headers: [(name: String, value: String)]

    /// Nil when the bytes are not an HTTP request head.
    init?(_ bytes: [UInt8]) {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard let requestLine = lines.first else { return nil }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/") else { return nil }
        method = parts[0]
        target = parts[1]
        version = parts[2]
        headers = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            headers.append(
                (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// A request sent through a proxy names the whole URL (absolute form, RFC 9112 §3.2.2).
    var isAbsoluteForm: Bool { target.hasPrefix("http://") || target.hasPrefix("https://") }

    /// The target in origin form: the absolute form without its scheme and authority.
    private var originForm: String {
        guard isAbsoluteForm, let schemeEnd = target.range(of: "://") else { return target }
        let rest = target[schemeEnd.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }

    var path: String { String(originForm.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]) }

    var query: String {
        let parts = originForm.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count > 1 ? String(parts[1]) : ""
    }

    var isChunked: Bool { header("Transfer-Encoding")?.lowercased().contains("chunked") ?? false }

    var expectsContinue: Bool { header("Expect")?.lowercased() == "100-continue" }

    /// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 only when asked to keep it.
    var keepsAlive: Bool {
        let connection = header("Connection")?.lowercased() ?? ""
        return version == "HTTP/1.0" ? connection.contains("keep-alive") : !connection.contains("close")
    }
}
