import Foundation

/// The next request of a redirect, followed here rather than by libcurl so that credentials go
/// only where they were sent: a hop to another scheme, host or port (https down to http included)
/// continues without any header `Redaction` hides (libcurl keeps custom ones such as GitLab's
/// `PRIVATE-TOKEN` and `Cookie`).
enum Redirect {
    static let statuses: Set<Int> = [301, 302, 303, 307, 308]

    /// Nil when the response is not a redirect to an http(s) URL.
    static func request(following response: HTTPResponse, of request: HTTPRequest) -> HTTPRequest? {
        guard statuses.contains(response.status), let location = response.headers["Location"],
            let target = URL(string: location, relativeTo: request.url)?.absoluteURL,
            let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        var next = request
        next.url = target
        // What browsers and libcurl do: 303 asks for a GET, and so do 301 and 302 after a POST.
        let becomesGet =
            (response.status == 303 && request.method != .head)
            || ((response.status == 301 || response.status == 302) && request.method == .post)
        if becomesGet {
            next.method = .get
            next.body = nil
            next.headers["Content-Type"] = nil
        }
        if !target.isSameOrigin(as: request.url) {
            for field in request.headers where Redaction.isSensitiveHeaderName(field.name) {
                next.headers[field.name] = nil
            }
        }
        return next
    }
}

extension HTTPRequest {
    var carriesCredentials: Bool {
        headers.contains { Redaction.isSensitiveHeaderName($0.name) } || url.user != nil || url.password != nil
    }
}

extension URL {
    /// `host` or `host:port` (lower-cased), as settings name a host: the scheme's default port
    /// written out (`https://host:443`) names the same place as none.
    package var authority: String? {
        guard let host = host?.lowercased() else { return nil }
        guard let port, port != ["https": 443, "http": 80][scheme?.lowercased() ?? ""] else { return host }
        return "\(host):\(port)"
    }

    /// localhost, 127.0.0.0/8 or ::1: traffic that never leaves the machine. Only an address in
    /// 127.0.0.0/8 counts, not a name that starts with "127." (`127.0.0.1.example.com`).
    package var isLoopback: Bool {
        guard let host = host?.lowercased() else { return false }
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy {
                $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } && Int($0).map { $0 <= 255 } == true
            }
    }
}
