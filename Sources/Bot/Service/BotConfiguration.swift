import Forge
import Foundation
import GitKit
import HTTPKit
import Upgrades

/// `config/shipshape.yaml`: how the bot service runs. Secrets are named by where to read them
/// (`{env: NAME}` or `{file: PATH}`), never written in the file.
public struct BotConfiguration: Sendable {
    public enum QueueStore: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public struct ForgeSettings: Sendable {
        public var endpoint: ForgeEndpoint
        public var webhookSecret: String
        /// `allowPlainHTTP: true`: the token may go to an `http://` forge that is not loopback.
        public var allowsPlainHTTP: Bool

        public init(endpoint: ForgeEndpoint, webhookSecret: String, allowsPlainHTTP: Bool = false) {
            self.endpoint = endpoint
            self.webhookSecret = webhookSecret
            self.allowsPlainHTTP = allowsPlainHTTP
        }
    }

    public var host = "0.0.0.0"
    public var port = 8080
    public var maximumBodyBytes = 25 * 1024 * 1024
    public var queue = QueueStore.sqlite(path: "/var/lib/shipshape/queue.sqlite")
    public var workers = 2
    /// How long a job's lease lasts without a heartbeat: how soon a crashed worker's job runs again.
    public var leaseSeconds = 120
    public var cacheDirectory = "/var/cache/shipshape"
    /// A PEM file of certificate authorities to trust for forges and registries (`serve --ca-bundle`).
    public var caBundlePath: String?
    public var forges: [ForgeSettings] = []
    public var maximumInlineComments = 30
    public var allowedUsers: Set<String> = []
    public var scanDefaultBranch = false
    public var reviewDrafts = false
    /// A policy configuration file laid under every repository's own `.shipshape.yaml`.
    public var repositoryDefaults: String?
    public var templates: String?
    /// Who the bot's commits (fixes, exemptions, upgrades) are by: `commits.author`.
    public var commitAuthor = CommandJob.defaultCommitter
    public var schedules: [Schedule] = []
    /// The `upgrades:` section: policies, registry logins and mirrors, pull-request limits.
    public var upgrades = UpgradeSettings()
    /// The `vulnerabilities:` section; nil: images are not scanned.
    public var vulnerabilities: VulnerabilitySettings?
    /// The `dashboard:` section; nil (the default) leaves the dashboard off.
    public var dashboard: DashboardSettings?

    public init() {}

    /// Hosts (`name:port` when a port is written) of forges configured with `allowPlainHTTP`.
    public var plainHTTPForgeHosts: Set<String> {
        Set(forges.filter(\.allowsPlainHTTP).compactMap(\.endpoint.apiRoot.authority))
    }
}
