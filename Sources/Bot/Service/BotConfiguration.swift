import Forge
import Foundation
import GitKit
import HTTPKit
import Upgrades

/// `config/shipshape.yaml`: how the bot service runs. Secrets are named by where to read them
/// (`{env: NAME}` or `{file: PATH}`), never written in the file.
package struct BotConfiguration: Sendable {
    package enum QueueStore: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    package struct ForgeSettings: Sendable {
        package var endpoint: ForgeEndpoint
        package var webhookSecret: String
        /// `allowPlainHTTP: true`: the token may go to an `http://` forge that is not loopback.
        package var allowsPlainHTTP: Bool

        package init(endpoint: ForgeEndpoint, webhookSecret: String, allowsPlainHTTP: Bool = false) {
            self.endpoint = endpoint
            self.webhookSecret = webhookSecret
            self.allowsPlainHTTP = allowsPlainHTTP
        }
    }

    package var host = "0.0.0.0"
    package var port = 8080
    package var maximumBodyBytes = 25 * 1024 * 1024
    package var queue = QueueStore.sqlite(path: "/var/lib/shipshape/queue.sqlite")
    package var workers = 2
    /// How long a job's lease lasts without a heartbeat: how soon a crashed worker's job runs again.
    package var leaseSeconds = 120
    package var cacheDirectory = "/var/cache/shipshape"
    /// A PEM file of certificate authorities to trust for forges and registries (`serve --ca-bundle`).
    package var caBundlePath: String?
    package var forges: [ForgeSettings] = []
    package var maximumInlineComments = 30
    package var allowedUsers: Set<String> = []
    package var scanDefaultBranch = false
    package var reviewDrafts = false
    /// A policy configuration file laid under every repository's own `.shipshape.yaml`.
    package var repositoryDefaults: String?
    package var templates: String?
    /// Who the bot's commits (fixes, exemptions, upgrades) are by: `commits.author`.
    package var commitAuthor = CommandJob.defaultCommitter
    package var schedules: [Schedule] = []
    /// The `upgrades:` section: policies, registry logins and mirrors, pull-request limits.
    package var upgrades = UpgradeSettings()
    /// The `vulnerabilities:` section; nil: images are not scanned.
    package var vulnerabilities: VulnerabilitySettings?
    /// The `dashboard:` section; nil (the default) leaves the dashboard off.
    package var dashboard: DashboardSettings?

    package init() {}

    /// Hosts (`name:port` when a port is written) of forges configured with `allowPlainHTTP`.
    package var plainHTTPForgeHosts: Set<String> {
        Set(forges.filter(\.allowsPlainHTTP).compactMap(\.endpoint.apiRoot.authority))
    }
}
