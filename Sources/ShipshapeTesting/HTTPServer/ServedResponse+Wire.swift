import Foundation

extension ServedResponse {
    /// The response as HTTP/1.1 bytes. Content-Length is added unless the handler set one (or the
    /// status has no body); `Connection: close` when the server closes afterwards.
    func wireBytes(forMethod method: String, closing: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
        var fields = headers
        let bodyless = (100..<200).contains(status) || status == 204 || status == 304
        if !bodyless, !fields.contains(where: { $0.name.caseInsensitiveCompare("Content-Length") == .orderedSame }) {
            fields.append(("Content-Length", "\(body.count)"))
        }
        if closing { fields.append(("Connection", "close")) }
        for field in fields { head += "\(field.name): \(field.value)\r\n" }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if method != "HEAD", !bodyless { bytes.append(contentsOf: body) }
        return bytes
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
