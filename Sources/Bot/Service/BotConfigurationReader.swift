import Forge
import Foundation
import GitKit
import HTTPKit
import Manifests
import Upgrades
import Vulnerabilities

/// Reads `shipshape.yaml`, collecting every problem with its line instead of stopping at the
/// first, so a bad deployment fails at start-up with all that is wrong.
package struct BotConfigurationReader {
    package struct Problems: Error, CustomStringConvertible {
        package var file: String
        package var problems: [(line: Int, message: String)]

        package init(file: String, problems: [(line: Int, message: String)]) {
            self.file = file
            self.problems = problems
        }

        package var description: String {
            "\(file): the configuration has \(problems.count) problem(s):\n"
                + problems.map { "  \(file):\($0.line): \($0.message)" }.joined(separator: "\n")
        }
    }

    private let file: String
    private let environment: [String: String]
    private let readFile: (String) -> String?
    private var problems: [(line: Int, message: String)] = []
    private var forgesWritten = false

    package static func read(
        text: String, file: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        readFile: @escaping (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }
    ) throws -> BotConfiguration {
        var reader = BotConfigurationReader(file: file, environment: environment, readFile: readFile)
        return try reader.read(text)
    }

    private init(file: String, environment: [String: String], readFile: @escaping (String) -> String?) {
        self.file = file
        self.environment = environment
        self.readFile = readFile
    }

    private mutating func read(_ text: String) throws -> BotConfiguration {
        let stream = YAMLParser.parse(text)
        for error in stream.errors { problems.append((Int(error.position.line), "not valid YAML: \(error)")) }
        var configuration = BotConfiguration()
        for entry in stream.documents.first?.root?.entries ?? [] {
            let value = entry.value
            switch entry.keyText ?? "" {
            case "server":
                for setting in value.entries ?? [] {
                    switch setting.keyText ?? "" {
                    case "host": configuration.host = string(setting.value, "server.host") ?? configuration.host
                    case "port":
                        configuration.port = integer(setting.value, "server.port", in: 0...65_535) ?? configuration.port
                    case "maxBodyBytes":
                        configuration.maximumBodyBytes =
                            integer(setting.value, "server.maxBodyBytes", in: 1_024...100_000_000)
                            ?? configuration.maximumBodyBytes
                    default: unknown(setting, in: "server")
                    }
                }
            case "queue":
                knownKeys(value, ["sqlite", "postgres"], in: "queue")
                switch (value["sqlite"], value["postgres"]) {
                case (let sqlite?, nil):
                    if let path = string(sqlite, "queue.sqlite") { configuration.queue = .sqlite(path: path) }
                case (nil, let postgres?):
                    if let url = secret(postgres, "queue.postgres") { configuration.queue = .postgres(url: url) }
                default:
                    problem(value, "`queue` takes one of `sqlite: PATH` or `postgres: {env: NAME}`")
                }
            case "workers": configuration.workers = integer(value, "workers", in: 0...64) ?? configuration.workers
            case "leaseSeconds":
                configuration.leaseSeconds = integer(value, "leaseSeconds", in: 2...3_600) ?? configuration.leaseSeconds
            case "cacheDir": configuration.cacheDirectory = string(value, "cacheDir") ?? configuration.cacheDirectory
            case "forges":
                forgesWritten = !(value.entries ?? []).isEmpty
                for forge in value.entries ?? [] {
                    guard let name = forge.keyText, let kind = ForgeKind(rawValue: name) else {
                        problem(forge.key, "unknown forge `\(forge.keyText ?? "")`: github, gitea or gitlab")
                        continue
                    }
                    if let settings = forgeSettings(kind, forge.value) { configuration.forges.append(settings) }
                }
            case "publication":
                knownKeys(value, ["maxInlineComments", "templates"], in: "publication")
                if let maximum = value["maxInlineComments"] {
                    configuration.maximumInlineComments =
                        integer(maximum, "publication.maxInlineComments", in: 0...1_000) ?? 30
                }
                configuration.templates = value["templates"].flatMap { string($0, "publication.templates") }
            case "commands":
                knownKeys(value, ["allowedUsers"], in: "commands")
                if let users = value["allowedUsers"], !users.isNull, users.items == nil {
                    problem(users, "commands.allowedUsers must be a list of user names")
                }
                configuration.allowedUsers = Set(
                    (value["allowedUsers"]?.items ?? []).compactMap { string($0, "commands.allowedUsers") })
            case "events":
                knownKeys(value, ["scanDefaultBranch", "reviewDrafts"], in: "events")
                configuration.scanDefaultBranch =
                    value["scanDefaultBranch"].flatMap { boolean($0, "events.scanDefaultBranch") } ?? false
                configuration.reviewDrafts =
                    value["reviewDrafts"].flatMap { boolean($0, "events.reviewDrafts") } ?? false
            case "commits":
                knownKeys(value, ["author"], in: "commits")
                if let author = value["author"] {
                    knownKeys(author, ["name", "email"], in: "commits.author")
                    let name = author["name"].flatMap { string($0, "commits.author.name") }
                    let email = author["email"].flatMap { string($0, "commits.author.email") }
                    if let name, let email, email.contains("@") {
                        configuration.commitAuthor = Signature(name: name, email: email)
                    } else {
                        problem(author, "commits.author needs `name` and an `email` address")
                    }
                }
            case "repositoryDefaults": configuration.repositoryDefaults = string(value, "repositoryDefaults")
            case "upgrades":
                do {
                    configuration.upgrades = try UpgradeSettings.read(text: text, file: file, environment: environment)
                } catch {
                    problems += error.problems.map { ($0.line, $0.message) }
                }
            case "vulnerabilities":
                configuration.vulnerabilities = vulnerabilitySettings(value)
            case "dashboard": configuration.dashboard = dashboardSettings(value)
            case "schedules":
                configuration.schedules = (value.items ?? []).compactMap { schedule($0) }
                if !value.isNull, value.items == nil { problem(value, "`schedules` must be a list") }
            default: unknown(entry, in: nil)
            }
        }
        // Sign-in through a forge the bot does not know cannot work (`forges:` may come later in the file).
        for entry in stream.documents.first?.root?["dashboard"]?["oauth"]?.entries ?? [] {
            guard let kind = ForgeKind(rawValue: entry.keyText ?? ""),
                !configuration.forges.contains(where: { $0.endpoint.kind == kind })
            else { continue }
            problem(entry.key, "dashboard.oauth.\(kind.rawValue): no `\(kind.rawValue)` under `forges:`")
        }
        // The issue of vulnerable images needs the advisories to match against.
        if configuration.vulnerabilities == nil {
            for item in stream.documents.first?.root?["schedules"]?.items ?? []
            where item["kind"]?.scalar?.text == JobKind.scanImages.rawValue {
                problem(item["kind"] ?? item, "a `scan-images` schedule needs a `vulnerabilities:` section")
            }
        }
        if let vulnerabilities = stream.documents.first?.root?["vulnerabilities"], configuration.vulnerabilities != nil
        {
            advisoryStore(vulnerabilities, queue: configuration.queue)
        }
        // A forge written with mistakes has its own problems; this is for a file that names none.
        if !forgesWritten { problems.append((1, "no forge is configured under `forges:`")) }
        guard problems.isEmpty else { throw Problems(file: file, problems: problems) }
        return configuration
    }

    private mutating func vulnerabilitySettings(_ node: YAMLNode) -> VulnerabilitySettings? {
        knownKeys(
            node, ["advisories", "severity", "platform", "imports", "importSchedule", "fixCandidates"],
            in: "vulnerabilities")
        // Whether `advisories:` is needed depends on `queue:`, which may come later in the file: see `advisoryStore`.
        var settings = VulnerabilitySettings(
            advisoryDatabase: node["advisories"].flatMap { string($0, "vulnerabilities.advisories") })
        if let severity = node["severity"], let word = string(severity, "vulnerabilities.severity") {
            if let level = Vulnerabilities.Severity(rawValue: word) {
                settings.minimumSeverity = level
            } else {
                let levels = Vulnerabilities.Severity.allCases.map(\.rawValue).joined(separator: ", ")
                problem(severity, "vulnerabilities.severity must be one of \(levels)")
            }
        }
        if let platform = node["platform"], let text = string(platform, "vulnerabilities.platform") {
            if let parsed = ImagePlatform(parsing: text) {
                settings.platform = parsed
            } else {
                problem(platform, "vulnerabilities.platform must be os/architecture[/variant], e.g. linux/arm64")
            }
        }
        if let imports = node["imports"] {
            if imports.items == nil { problem(imports, "vulnerabilities.imports must be a list of files or URLs") }
            settings.imports = (imports.items ?? []).compactMap { string($0, "vulnerabilities.imports") }
        }
        if let schedule = node["importSchedule"], let text = string(schedule, "vulnerabilities.importSchedule") {
            do {
                _ = try CronExpression(text)
                settings.importSchedule = text
            } catch {
                problem(schedule, "vulnerabilities.importSchedule: \(error)")
            }
        }
        if let candidates = node["fixCandidates"],
            let count = integer(candidates, "vulnerabilities.fixCandidates", in: 0...100)
        {
            settings.fixCandidates = count
        }
        return settings
    }

    /// Advisories live beside the queue: in the `advisories:` SQLite file with a SQLite queue, in
    /// the queue's own database with PostgreSQL, where a SQLite file would be opened for nothing
    /// (and advisories imported into it with `scan-images` never seen), so naming one is a mistake.
    private mutating func advisoryStore(_ node: YAMLNode, queue: BotConfiguration.QueueStore) {
        switch (queue, node["advisories"]) {
        case (.sqlite, nil):
            problem(
                node,
                "vulnerabilities needs `advisories: PATH` (the SQLite database scan-images imports into) with a "
                    + "SQLite queue; with `queue: {postgres: ...}` advisories are kept in the queue's database")
        case (.postgres, let advisories?):
            problem(
                advisories,
                "vulnerabilities.advisories is not used with a PostgreSQL queue: advisories and image scans are "
                    + "kept in the queue's database (filled by `vulnerabilities.imports`); remove it")
        default: break
        }
    }

    private mutating func forgeSettings(_ kind: ForgeKind, _ node: YAMLNode) -> BotConfiguration.ForgeSettings? {
        knownKeys(node, ["url", "webhookSecret", "token", "app", "allowPlainHTTP"], in: "forges.\(kind.rawValue)")
        let instance =
            node["url"].flatMap { string($0, "forges.\(kind.rawValue).url") }
            ?? kind.publicInstance
        guard let instance else {
            problem(node, "forges.\(kind.rawValue) needs `url`")
            return nil
        }
        let apiRoot: URL
        do {
            apiRoot = try ForgeEndpoint.apiRoot(kind: kind, instance: instance)
        } catch {
            problem(node["url"] ?? node, "\(error)")
            return nil
        }
        // Read on after a problem, so that every problem of the forge is reported at once.
        let webhookSecret = node["webhookSecret"].flatMap { secret($0, "forges.\(kind.rawValue).webhookSecret") }
        if node["webhookSecret"] == nil { problem(node, "forges.\(kind.rawValue) needs `webhookSecret: {env: NAME}`") }
        let authentication: ForgeEndpoint.Authentication
        if let app = node["app"], kind == .github {
            knownKeys(app, ["id", "privateKey", "installationId", "slug"], in: "forges.github.app")
            let id = app["id"].flatMap { secretOrPlain($0, "forges.github.app.id") }
            let key = app["privateKey"].flatMap { secret($0, "forges.github.app.privateKey") }
            if app["id"] == nil || app["privateKey"] == nil {
                problem(app, "forges.github.app needs `id` and `privateKey: {file: PATH}`")
            }
            guard let id, let key else { return nil }
            do {
                _ = try GitHubAppJWT(appID: id, privateKeyPEM: key)
            } catch ForgeError.configuration(let why) {
                problem(app["privateKey"] ?? app, "forges.github.app.privateKey: \(why)")
            } catch {
                problem(app["privateKey"] ?? app, "forges.github.app.privateKey: \(error)")
            }
            let installation = app["installationId"].flatMap {
                integer($0, "forges.github.app.installationId", in: 1...Int.max)
            }
            authentication = .gitHubApp(
                appID: id, privateKeyPEM: key, installationID: installation,
                slug: app["slug"].flatMap { string($0, "slug") })
        } else if let tokenNode = node["token"], let token = secret(tokenNode, "forges.\(kind.rawValue).token") {
            authentication = .token(token)
        } else {
            if node["token"] == nil {
                problem(
                    node, "forges.\(kind.rawValue) needs `token: {env: NAME}`\(kind == .github ? " or `app:`" : "")")
            }
            return nil
        }
        let allowsPlainHTTP =
            node["allowPlainHTTP"].flatMap { boolean($0, "forges.\(kind.rawValue).allowPlainHTTP") } ?? false
        if apiRoot.scheme == "http", !allowsPlainHTTP, !apiRoot.isLoopback {
            problem(
                node["url"] ?? node,
                "forges.\(kind.rawValue).url is plain http: the token would cross the network unencrypted; use https or set `allowPlainHTTP: true`"
            )
        }
        guard let webhookSecret else { return nil }
        return .init(
            endpoint: ForgeEndpoint(kind: kind, apiRoot: apiRoot, authentication: authentication),
            webhookSecret: webhookSecret,
            allowsPlainHTTP: allowsPlainHTTP)
    }

    /// `- {name, kind: upgrade|scan|scan-images, cron: "0 6 * * mon-fri", timeZone: Europe/Berlin, repositories: [github:acme/shop]}`
    private mutating func schedule(_ node: YAMLNode) -> Schedule? {
        knownKeys(node, ["name", "kind", "cron", "timeZone", "repositories"], in: "schedules")
        guard let name = node["name"].flatMap({ string($0, "schedules.name") }) else {
            problem(node, "a schedule needs a `name`")
            return nil
        }
        let setting = "schedules.\(name)"
        guard let kindText = node["kind"]?.scalar?.text, let kind = JobKind(rawValue: kindText),
            [.scan, .upgrade, .scanImages].contains(kind)
        else {
            problem(node["kind"] ?? node, "\(setting).kind must be upgrade, scan or scan-images")
            return nil
        }
        guard let cronText = node["cron"].flatMap({ string($0, "\(setting).cron") }) else { return nil }
        let cron: CronExpression
        do {
            cron = try CronExpression(cronText)
        } catch {
            problem(node["cron"] ?? node, "\(setting).cron: \(error)")
            return nil
        }
        let zoneName = node["timeZone"]?.scalar?.text ?? "UTC"
        guard let timeZone = TimeZone(identifier: zoneName) else {
            problem(
                node["timeZone"] ?? node,
                "\(setting).timeZone: unknown time zone \(zoneName) (use names such as Europe/Berlin)")
            return nil
        }
        var repositories: [(forge: ForgeKind, repository: RepositoryID)] = []
        for item in node["repositories"]?.items ?? [] {
            let text = item.scalar?.text ?? ""
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let forge = ForgeKind(rawValue: parts[0]), let repository = RepositoryID(parts[1])
            else {
                problem(item, "\(setting).repositories: `\(text)` is not FORGE:OWNER/NAME (github:acme/shop)")
                continue
            }
            repositories.append((forge, repository))
        }
        if repositories.isEmpty { problem(node, "\(setting) names no repositories") }
        if cron.next(after: Date(), in: timeZone) == nil {
            problem(node["cron"] ?? node, "\(setting).cron never fires (\(cronText))")
        }
        return Schedule(name: name, kind: kind, cron: cron, timeZone: timeZone, repositories: repositories)
    }

    /// `{env: NAME}` or `{file: PATH}`; a secret written inline is refused.
    mutating func secret(_ node: YAMLNode, _ setting: String) -> String? {
        if let name = node["env"]?.scalar?.text {
            guard let value = environment[name], !value.isEmpty else {
                problem(node, "\(setting): the environment variable \(name) is not set")
                return nil
            }
            return value
        }
        if let path = node["file"]?.scalar?.text {
            guard let value = readFile(path) else {
                problem(node, "\(setting): cannot read \(path)")
                return nil
            }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                problem(node, "\(setting): \(path) is empty")
                return nil
            }
            return trimmed
        }
        problem(node, "\(setting) is a secret: give `{env: NAME}` or `{file: PATH}`, not the value")
        return nil
    }

    private mutating func secretOrPlain(_ node: YAMLNode, _ setting: String) -> String? {
        node.scalar != nil ? string(node, setting) : secret(node, setting)
    }

    mutating func string(_ node: YAMLNode, _ setting: String) -> String? {
        guard let text = node.scalar?.text, !text.isEmpty else {
            problem(node, "\(setting) must be a text value")
            return nil
        }
        return text
    }

    mutating func integer(_ node: YAMLNode, _ setting: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = node.scalar?.text, let number = Int(text), range.contains(number) else {
            problem(node, "\(setting) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    /// `true` or `false` only: YAML 1.1's `yes`, `no`, `on`, `off` are refused, not read as text.
    mutating func boolean(_ node: YAMLNode, _ setting: String) -> Bool? {
        switch node.scalar?.text {
        case "true": return true
        case "false": return false
        default:
            problem(node, "\(setting) must be true or false")
            return nil
        }
    }

    /// Every key of a mapping section that is not one of `known` is a problem at its line.
    mutating func knownKeys(_ node: YAMLNode, _ known: Set<String>, in section: String) {
        guard !node.isNull else { return }
        guard let entries = node.entries else {
            problem(node, "`\(section)` must be a mapping")
            return
        }
        for entry in entries where !known.contains(entry.keyText ?? "") {
            problem(
                entry.key,
                "unknown setting `\(section).\(entry.keyText ?? "")`; known: \(known.sorted().joined(separator: ", "))")
        }
    }

    mutating func unknown(_ entry: YAMLMappingEntry, in section: String?) {
        problem(entry.key, "unknown setting `\(section.map { "\($0)." } ?? "")\(entry.keyText ?? "")`")
    }

    mutating func problem(_ node: YAMLNode, _ message: String) {
        problems.append((Int(node.start.line), message))
    }
}
