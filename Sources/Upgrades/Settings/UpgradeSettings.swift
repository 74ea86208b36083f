import Foundation
import Manifests

/// The `upgrades:` section of a Shipshape configuration file:
///
/// ```yaml
/// upgrades:
///   rules:
///     - match: [cert-manager]        # names, add-ons or sources; `*` wildcards
///       allow: minor                 # patch | minor | major (default major)
///       range: ">=1.14 <2"           # stay inside
///       ignore: false
///       ignoreUnstable: true
///       versioning: semver           # docker | semver | regex:<pattern>
///   registries:
///     registry.example.com: {username: bot, password: {env: REGISTRY_TOKEN}, insecure: false,
///                            tokenHosts: [auth.example.com]}   # token services on other hosts that may get the login
///   dockerConfig: ~/.docker/config.json
///   mirrors:                         # ask a pull-through cache or an air-gapped copy instead
///     ghcr.io: harbor.example.com/ghcr-proxy
///     https://charts.jetstack.io: https://nexus.example.com/repository/jetstack
///   pullRequests: {open: 10, perHour: 2}
/// ```
package struct UpgradeSettings: Sendable {
    package var rules: [UpgradeRule] = []
    package var credentials = RegistryCredentials()
    package var plainHTTPHosts: Set<String> = []
    package var mirrors = SourceMirrors()
    /// Where the Docker `config.json` is read from (nil: `$DOCKER_CONFIG/config.json` or `~/.docker/config.json` when present).
    package var dockerConfig: String?
    package var openPullRequestLimit = 10
    package var pullRequestsPerHour = 2

    package init() {}

    /// The policy and scheme for one dependency: the defaults, overridden by every matching rule in order.
    package func policy(for dependency: Dependency) -> (policy: UpgradePolicy, scheme: any VersionScheme) {
        var policy = UpgradePolicy()
        var scheme: any VersionScheme = dependency.kind == .chart ? SemVerVersioning() : DockerVersioning()
        for rule in rules where rule.matches(dependency) {
            policy = rule.policy
            if let named = rule.scheme { scheme = named }
        }
        return (policy, scheme)
    }

    /// The logins to use: the configured ones, then the Docker config's.
    package func registryCredentials() throws -> RegistryCredentials {
        let environment = ProcessInfo.processInfo.environment
        let path =
            dockerConfig.map { ($0 as NSString).expandingTildeInPath }
            ?? (environment["DOCKER_CONFIG"].map { $0 + "/config.json" } ?? (NSHomeDirectory() + "/.docker/config.json"))
        guard FileManager.default.fileExists(atPath: path) else {
            if dockerConfig != nil {
                throw DatasourceError(
                    subject: path, reason: "the Docker config named in upgrades.dockerConfig does not exist")
            }
            return credentials
        }
        return credentials.merging(try RegistryCredentials.dockerConfig(at: path))
    }
}

/// The problems of an `upgrades:` section, each with its line: all of them at once, so a
/// service that refuses to start names every one (not one per restart).
package struct UpgradeSettingsError: Error, Sendable, CustomStringConvertible {
    package struct Problem: Error, Sendable {
        package var line: Int
        package var message: String
    }

    package var file: String
    package var problems: [Problem]

    package var description: String { problems.map { "\(file):\($0.line): \($0.message)" }.joined(separator: "\n") }
}

extension UpgradeSettings {
    /// Reads the `upgrades:` mapping of a configuration file (absent: the defaults).
    package static func read(
        text: String, file: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(UpgradeSettingsError) -> UpgradeSettings {
        let stream = YAMLParser.parse(text)
        if let error = stream.errors.first {
            throw UpgradeSettingsError(
                file: file, problems: [.init(line: error.position.line, message: "not valid YAML: \(error)")])
        }
        guard let section = stream.documents.first?.root?["upgrades"] else { return UpgradeSettings() }
        var reader = UpgradeSettingsReader(environment: environment)
        let settings = reader.read(section)
        guard reader.problems.isEmpty else { throw UpgradeSettingsError(file: file, problems: reader.problems) }
        return settings
    }
}

private struct UpgradeSettingsReader {
    typealias Problem = UpgradeSettingsError.Problem
    let environment: [String: String]
    var problems: [Problem] = []

    mutating func read(_ section: YAMLNode) -> UpgradeSettings {
        var settings = UpgradeSettings()
        guard let entries = section.entries else {
            problems.append(problem(section, "upgrades must be a mapping"))
            return settings
        }
        for entry in entries {
            switch entry.keyText ?? "" {
            case "rules":
                // A problem is kept and reading goes on with the next part, here and below.
                for item in entry.value.items ?? [] {
                    do { settings.rules.append(try rule(item)) } catch { problems.append(error) }
                }
            case "registries":
                var logins: [String: RegistryCredentials.Login] = [:]
                for host in entry.value.entries ?? [] {
                    guard let name = host.keyText else { continue }
                    do {
                        let read = try registry(name, host)
                        if read.insecure { settings.plainHTTPHosts.insert(name) }
                        if let login = read.login { logins[name] = login }
                    } catch {
                        problems.append(error)
                    }
                }
                settings.credentials = RegistryCredentials(logins)
            case "mirrors":
                settings.mirrors = SourceMirrors(entry.value.stringMap)
            case "dockerConfig":
                settings.dockerConfig = entry.value.string
            case "pullRequests":
                knownKeys(entry.value, ["open", "perHour"], in: "upgrades.pullRequests")
                if let open = entry.value["open"]?.int { settings.openPullRequestLimit = open }
                if let hourly = entry.value["perHour"]?.int { settings.pullRequestsPerHour = hourly }
            case let key:
                problems.append(
                    problem(
                        entry.key,
                        "unknown setting upgrades.\(key); known: rules, registries, mirrors, dockerConfig, pullRequests"
                    ))
            }
        }
        return settings
    }

    private mutating func registry(_ name: String, _ host: YAMLMappingEntry) throws(Problem) -> (
        insecure: Bool, login: RegistryCredentials.Login?
    ) {
        knownKeys(host.value, ["username", "password", "insecure", "tokenHosts"], in: "upgrades.registries.\(name)")
        let insecure = try flag(host.value["insecure"], "insecure") == true
        guard let username = host.value["username"]?.string else { return (insecure, nil) }
        guard let password = host.value["password"] else {
            throw problem(host.key, "registry \(name) has a username but no password")
        }
        let tokenHosts = try host.value["tokenHosts"].map(self.tokenHosts) ?? []
        return (insecure, .init(username: username, password: try secret(password), tokenHosts: Set(tokenHosts)))
    }

    private mutating func rule(_ node: YAMLNode) throws(Problem) -> UpgradeRule {
        let patterns = node["match"].map { $0.items?.compactMap(\.string) ?? [$0.string].compactMap { $0 } } ?? []
        guard !patterns.isEmpty else {
            throw problem(node, "a rule needs match: a name, add-on or source (wildcards with *)")
        }
        knownKeys(node, ["match", "allow", "range", "ignore", "ignoreUnstable", "versioning"], in: "upgrades.rules")
        var policy = UpgradePolicy()
        if let allow = node["allow"] {
            guard let type = allow.string.flatMap(UpdateType.init(rawValue:)) else {
                throw problem(allow, "allow must be patch, minor or major")
            }
            policy.allow = type
        }
        if let ignore = try flag(node["ignore"], "ignore") { policy.ignore = ignore }
        if let unstable = try flag(node["ignoreUnstable"], "ignoreUnstable") { policy.ignoreUnstable = unstable }
        if let range = node["range"] {
            policy.range = range.string
            do { _ = try policy.versionRange() } catch { throw problem(range, "\(error)") }
        }
        let versioning = node["versioning"]?.string
        if let versioning, let place = node["versioning"] {
            do { _ = try UpgradeRule.scheme(named: versioning) } catch { throw problem(place, "\(error)") }
        }
        return UpgradeRule(patterns: patterns, policy: policy, versioning: versioning)
    }

    /// `text`, `{env: NAME}` or `{file: PATH}`, as the rest of the configuration writes secrets.
    private func secret(_ node: YAMLNode) throws(Problem) -> String {
        if let text = node.string { return text }
        if let name = node["env"]?.string {
            guard let value = environment[name] else {
                throw problem(node, "the environment variable \(name) is not set")
            }
            return value
        }
        if let path = node["file"]?.string {
            guard let value = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw problem(node, "cannot read the secret file \(path)")
            }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw problem(node, "the secret file \(path) is empty") }
            return trimmed
        }
        throw problem(node, "a secret is text, {env: NAME} or {file: PATH}")
    }

    /// `[auth.example.com, "auth.example.com:8443"]`: host names (with a port where not the
    /// default), as a realm's host is compared; a URL or a single name would never match.
    private func tokenHosts(_ node: YAMLNode) throws(Problem) -> [String] {
        guard let items = node.items else {
            throw problem(node, "tokenHosts must be a list of hosts, e.g. [auth.example.com]")
        }
        return try items.map { item throws(Problem) -> String in
            guard let host = item.string, !host.isEmpty, !host.contains("/"), !host.contains("@") else {
                throw problem(
                    item,
                    "tokenHosts names hosts (auth.example.com or auth.example.com:8443), not \(item.string ?? "this")")
            }
            return host
        }
    }

    /// `true` or `false`; YAML 1.1's `yes`/`no` would otherwise pass for text and mean nothing.
    private func flag(_ node: YAMLNode?, _ name: String) throws(Problem) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.text {
        case "true": return true
        case "false": return false
        default: throw problem(node, "\(name) must be true or false, not \(node.string ?? "this")")
        }
    }

    private mutating func knownKeys(_ node: YAMLNode, _ known: Set<String>, in section: String) {
        for entry in node.entries ?? [] where !known.contains(entry.keyText ?? "") {
            problems.append(
                problem(
                    entry.key,
                    "unknown setting \(section).\(entry.keyText ?? ""); known: \(known.sorted().joined(separator: ", "))"
                ))
        }
    }

    private func problem(_ node: YAMLNode, _ message: String) -> Problem {
        Problem(line: node.start.line, message: message)
    }
}
