import Forge
import Foundation
import Manifests

extension BotConfigurationReader {
    static let dashboardSignInKeys: Set<String> = [
        "publicURL", "sessionSecret", "sessionHours", "permissionCacheSeconds", "admins", "oauth",
    ]

    /// The sign-in settings of `dashboard:`: `publicURL`, `sessionSecret: {env|file}`,
    /// `sessionHours` (12), `permissionCacheSeconds` (300), `admins: [alice, gitlab:bob]`, and
    /// `oauth: {github: {clientId, clientSecret: {env|file}, scope}}` for forges under `forges:`.
    /// Nil, with a problem, when sign-in is asked for but incomplete; nil alone when not asked for.
    mutating func dashboardSignIn(_ node: YAMLNode) -> DashboardSignInSettings? {
        guard node["oauth"] != nil || node["sessionSecret"] != nil || node["publicURL"] != nil else { return nil }
        let publicURL = node["publicURL"].flatMap { string($0, "dashboard.publicURL") }.flatMap { text in
            URL(string: text).flatMap { ["http", "https"].contains($0.scheme ?? "") && $0.host != nil ? $0 : nil }
        }
        if node["publicURL"] != nil, publicURL == nil {
            problem(node["publicURL"] ?? node, "dashboard.publicURL must be the http(s) address browsers reach")
        }
        let sessionSecret = node["sessionSecret"].flatMap { secret($0, "dashboard.sessionSecret") }
        if let sessionSecret, sessionSecret.utf8.count < 32 {
            problem(node["sessionSecret"] ?? node, "dashboard.sessionSecret must be at least 32 characters")
        }
        for (key, what) in [("publicURL", "`publicURL`"), ("sessionSecret", "`sessionSecret: {env: NAME}`")]
        where node[key] == nil {
            problem(node, "dashboard sign-in needs \(what)")
        }
        let hours = node["sessionHours"].flatMap { integer($0, "dashboard.sessionHours", in: 1...720) } ?? 12
        let cache =
            node["permissionCacheSeconds"].flatMap { integer($0, "dashboard.permissionCacheSeconds", in: 0...86_400) }
            ?? 300
        if let admins = node["admins"], !admins.isNull, admins.items == nil {
            problem(admins, "dashboard.admins must be a list of user names (`alice` or `gitlab:alice`)")
        }
        let admins = Set((node["admins"]?.items ?? []).compactMap { string($0, "dashboard.admins") })
        var clients: [ForgeKind: DashboardSignInSettings.OAuthClient] = [:]
        for entry in node["oauth"]?.entries ?? [] {
            guard let kind = ForgeKind(rawValue: entry.keyText ?? "") else {
                problem(
                    entry.key, "unknown forge `\(entry.keyText ?? "")` under dashboard.oauth: github, gitea or gitlab")
                continue
            }
            let setting = "dashboard.oauth.\(kind.rawValue)"
            knownKeys(entry.value, ["clientId", "clientSecret", "scope"], in: setting)
            let id = entry.value["clientId"].flatMap { string($0, "\(setting).clientId") }
            let clientSecret = entry.value["clientSecret"].flatMap { secret($0, "\(setting).clientSecret") }
            if entry.value["clientId"] == nil || entry.value["clientSecret"] == nil {
                problem(entry.value, "\(setting) needs `clientId` and `clientSecret: {env: NAME}`")
            }
            let scope = entry.value["scope"].flatMap { string($0, "\(setting).scope") }
            if let id, let clientSecret {
                clients[kind] = .init(clientID: id, clientSecret: clientSecret, scope: scope)
            }
        }
        if node["oauth"]?.entries?.isEmpty ?? true { problem(node, "dashboard sign-in needs `oauth:` for a forge") }
        guard let publicURL, let sessionSecret, sessionSecret.utf8.count >= 32, !clients.isEmpty else { return nil }
        return DashboardSignInSettings(
            publicURL: publicURL, sessionSecret: sessionSecret, sessionLifetime: .seconds(hours * 3600),
            permissionCacheLifetime: .seconds(cache), admins: admins, oauth: clients)
    }
}
