import Foundation

/// A token for HTTPS remotes, sent as basic auth (`x-access-token:<token>`, which GitHub,
/// Gitea and GitLab all accept). Its description never shows the token. The token goes only to
/// the origin of the remote URL it is given with, and over plain http only to loopback or to a
/// host `plainHTTPHosts` names.
package struct GitCredentials: Sendable, CustomStringConvertible {
    package var username: String
    package var token: String
    /// Hosts (`name` or `name:port`) the token may reach over plain http.
    package var plainHTTPHosts: Set<String>

    package init(token: String, username: String = "x-access-token", plainHTTPHosts: Set<String> = []) {
        self.username = username
        self.token = token
        self.plainHTTPHosts = Set(plainHTTPHosts.map { $0.lowercased() })
    }

    /// https, ssh and loopback remotes always; other plain http ones only when named.
    func mayTravel(to url: URL) -> Bool {
        guard url.scheme?.lowercased() == "http" else { return true }
        let host = url.host?.lowercased() ?? ""
        let hostAndPort = url.port.map { "\(host):\($0)" } ?? host
        return Self.isLoopback(host) || plainHTTPHosts.contains(host) || plainHTTPHosts.contains(hostAndPort)
    }

    /// localhost, ::1, or an address in 127.0.0.0/8 (not a name starting with "127.").
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy {
                $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } && Int($0).map { $0 <= 255 } == true
            }
    }

    package var description: String { "GitCredentials(username: \(username), token: <redacted>)" }
}

/// A remote URL with any `user:password@` part removed, for messages and cache keys.
package func redactedURL(_ url: String) -> String {
    guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
    let slash = url[scheme.upperBound...].firstIndex(of: "/") ?? url.endIndex
    guard at < slash else { return url }
    return String(url[..<scheme.upperBound]) + String(url[url.index(after: at)...])
}
