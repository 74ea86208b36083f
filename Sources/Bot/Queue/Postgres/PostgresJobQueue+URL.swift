import Foundation
import NIOSSL
import PostgresNIO

extension PostgresJobQueue {
    /// Reads `postgres://user:password@host:port/database?sslmode=…` (or `postgresql://`); the port
    /// defaults to 5432, the database to the user. `sslmode` follows libpq: `disable`; `prefer` (the
    /// default) and `require` encrypt without checking the certificate; `verify-ca` checks it against
    /// the system's roots; `verify-full` checks the host name too. `options` too, as libpq reads it:
    /// `-c name=value` settings for the session, such as `-c search_path=shipshape` (a schema of its own).
    package static func configuration(url: String) throws -> PostgresClient.Configuration {
        func invalid(_ reason: String) -> QueueError {
            QueueError(
                code: .invalidConfiguration, store: "PostgreSQL queue", operation: "read the database URL",
                reason: reason)
        }
        // URLComponents hands back user, password and path already percent-decoded.
        guard let components = URLComponents(string: url),
            let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme)
        else {
            throw invalid("expected postgres://user:password@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else { throw invalid("the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw invalid("the URL names no user") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432,
            username: user, password: components.password, database: database.isEmpty ? nil : database,
            tls: .disable)
        if let options = components.queryItems?.first(where: { $0.name == "options" })?.value {
            configuration.options.additionalStartupParameters = try sessionSettings(options)
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case "disable":
            configuration.tls = .disable
        case "prefer", "require":
            tls.certificateVerification = .none
            configuration.tls = mode == "prefer" ? .prefer(tls) : .require(tls)
        case "verify-ca":
            tls.certificateVerification = .noHostnameVerification
            configuration.tls = .require(tls)
        case "verify-full":
            configuration.tls = .require(tls)
        default:
            throw invalid("unknown sslmode '\(mode)' (disable, prefer, require, verify-ca or verify-full)")
        }
        return configuration
    }

    /// `-c name=value` (or `-cname=value`, `--name=value`) settings, separated by spaces.
    static func sessionSettings(_ options: String) throws(QueueError) -> [(String, String)] {
        var settings: [(String, String)] = []
        var words = options.split(separator: " ").map(String.init)[...]
        while let word = words.popFirst() {
            let setting: String
            if word == "-c", let next = words.popFirst() {
                setting = next
            } else if word.hasPrefix("-c") {
                setting = String(word.dropFirst(2))
            } else if word.hasPrefix("--") {
                setting = String(word.dropFirst(2))
            } else {
                setting = ""
            }
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw QueueError(
                    code: .invalidConfiguration, store: "PostgreSQL queue", operation: "read the database URL",
                    reason: "`options` takes `-c name=value` settings, not '\(options)'")
            }
            settings.append((parts[0], parts[1]))
        }
        return settings
    }
}
