import Forge
import Foundation
import Hummingbird

/// The dashboard's answers: HTML that loads nothing from elsewhere and runs no script, never cached.
enum DashboardResponse {
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        .xContentTypeOptions: "nosniff",
        .init("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func redirect(to location: String) -> Response {
        var headers = securityHeaders
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// A query parameter's value, percent-encoded (only unreserved characters and `/` stay).
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryCharacters) ?? ""
    }

    private static let queryCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
}

/// An `application/x-www-form-urlencoded` body's fields, the first of each name.
struct FormFields: Sendable {
    static let maximumBytes = 16 * 1024
    private let fields: [String: String]

    init(_ body: ByteBuffer) {
        fields = [String: String](FormEncoding.decode(String(buffer: body)), uniquingKeysWith: { first, _ in first })
    }

    subscript(name: String) -> String? { fields[name] }
}
