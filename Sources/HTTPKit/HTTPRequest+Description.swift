import Foundation

// Every textual form of a request, response or header list goes through `Redaction`, so that
// string interpolation in a log line or an error cannot leak a token.

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible {
    /// Method and redacted URL, the way error messages name a request.
    package var description: String { "\(method.rawValue) \(Redaction.url(url))" }

    package var debugDescription: String {
        var text = description
        for field in headers {
            text += "\n\(field.name): \(Redaction.headerValue(name: field.name, value: field.value))"
        }
        if let body { text += "\n(body of \(body.count) bytes)" }
        return text
    }
}

extension HTTPResponse: CustomStringConvertible, CustomDebugStringConvertible {
    package var description: String { "\(status) from \(Redaction.url(url))" }

    package var debugDescription: String {
        var text = description
        for field in headers {
            text += "\n\(field.name): \(Redaction.headerValue(name: field.name, value: field.value))"
        }
        text += "\n(body of \(body.count) bytes)"
        return text
    }
}

extension HTTPHeaders: CustomStringConvertible, CustomDebugStringConvertible {
    package var description: String {
        fields.map { "\($0.name): \(Redaction.headerValue(name: $0.name, value: $0.value))" }.joined(separator: "\n")
    }

    package var debugDescription: String { description }
}
