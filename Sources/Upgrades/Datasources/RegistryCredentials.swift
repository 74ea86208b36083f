import Foundation
import HTTPKit

/// User name and password (or token) per registry host, from Shipshape's config or a Docker
/// `config.json` (`auths.<host>.auth` = base64 of `user:password`, or `username`/`password`;
/// Docker Hub's key is `https://index.docker.io/v1/`).
package struct RegistryCredentials: Sendable {
    package struct Login: Sendable, Hashable {
        package var username: String
        package var password: String
        /// Token services on other hosts (`host` or `host:port`) this login may be sent to when
        /// the registry's challenge names them; the registry's own host always may.
        package var tokenHosts: Set<String>

        package init(username: String, password: String, tokenHosts: Set<String> = []) {
            self.username = username
            self.password = password
            self.tokenHosts = Set(tokenHosts.map { $0.lowercased() })
        }

        var basicAuthorization: String { "Basic " + Data("\(username):\(password)".utf8).base64EncodedString() }
    }

    private var logins: [String: Login]

    package init(_ logins: [String: Login] = [:]) {
        self.logins = [:]
        for (host, login) in logins { self.logins[Self.normalized(host)] = login }
    }

    package func login(for host: String) -> Login? { logins[Self.normalized(host)] }

    /// Whether `registry`'s login may go to the token service at `realm`: the registry's own
    /// host, a host its login names in `tokenHosts`, or Docker Hub's own token service.
    static func mayShare(loginOf registry: String, with realm: URL, login: Login) -> Bool {
        guard let authority = realm.authority else { return false }
        let registryHost = normalized(registry)
        return authority == registryHost || authority == registry.lowercased() || login.tokenHosts.contains(authority)
            || (registryHost == "registry-1.docker.io" && authority == "auth.docker.io")
    }

    /// These logins, with `other`'s filling hosts these have none for.
    package func merging(_ other: RegistryCredentials) -> RegistryCredentials {
        var merged = self
        for (host, login) in other.logins where merged.logins[host] == nil { merged.logins[host] = login }
        return merged
    }

    /// Reads a Docker `config.json`; credential helpers (`credsStore`) are not run.
    package static func dockerConfig(at path: String) throws -> RegistryCredentials {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw DatasourceError(
                subject: path, reason: "cannot read the Docker config (\(error.localizedDescription))")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DatasourceError(subject: path, reason: "the Docker config is not a JSON object")
        }
        var logins: [String: Login] = [:]
        for (host, value) in root["auths"] as? [String: Any] ?? [:] {
            guard let entry = value as? [String: Any] else { continue }
            if let auth = entry["auth"] as? String,
                let decoded = Data(base64Encoded: auth).map({ String(decoding: $0, as: UTF8.self) }),
                let colon = decoded.firstIndex(of: ":")
            {
                logins[host] = Login(
                    username: String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...]))
            } else if let username = entry["username"] as? String, let password = entry["password"] as? String {
                logins[host] = Login(username: username, password: password)
            }
        }
        return RegistryCredentials(logins)
    }

    /// `https://index.docker.io/v1/` and `docker.io` both mean Docker Hub's API host.
    static func normalized(_ host: String) -> String {
        var host = host.lowercased()
        for prefix in ["https://", "http://"] where host.hasPrefix(prefix) {
            host = String(host.dropFirst(prefix.count))
        }
        host = String(host.split(separator: "/").first ?? "")
        return ImageReference.isDockerHub(host) || host == "index.docker.io" ? "registry-1.docker.io" : host
    }
}
