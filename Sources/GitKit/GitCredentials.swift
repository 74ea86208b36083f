import Foundation
/// A token for HTTPS remotes, sent as basic auth (`x-access-token:<token>`, which GitHub,
/// Gitea and GitLab all accept). Its description never shows the token.
public struct GitCredentials: Sendable, CustomStringConvertible {
    public var username: String
    public var token: String

    public init(token: String, username: String = "x-access-token") {
        self.username = username
        self.token = token
    }

    public var description: String { "GitCredentials(username: \(username), token: <redacted>)" }
}

/// A remote URL with any `user:password@` part removed, for messages and cache keys.
public func redactedURL(_ url: String) -> String {
    guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
    let slash = url[scheme.upperBound...].firstIndex(of: "/") ?? url.endIndex
    guard at < slash else { return url }
    return String(url[..<scheme.upperBound]) + String(url[url.index(after: at)...])
}
