import Bot
import Forge
import Foundation
import ShipshapeTesting
import Testing
import Upgrades

@Suite struct BotConfigurationReaderTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
        path: "../../config/shipshape.yaml"
    ).standardized

    @Test func theShippedConfigurationReadsWithItsSecretsFromTheEnvironmentAndFiles() throws {
        let text = try String(contentsOf: Self.shipped, encoding: .utf8)
        let key = try OpenSSLTool.generateRSAKey().privateKey
        let configuration = try BotConfigurationReader.read(
            text: text, file: "config/shipshape.yaml",
            environment: ["SHIPSHAPE_GITHUB_APP_ID": "4242", "SHIPSHAPE_GITHUB_WEBHOOK_SECRET": "s3cret"],
            readFile: { $0 == "/etc/shipshape/github/private-key.pem" ? key : nil })
        #expect(configuration.port == 8080)
        #expect(configuration.workers == 2)
        #expect(configuration.queue == .sqlite(path: "/var/lib/shipshape/queue.sqlite"))
        #expect(configuration.upgrades.openPullRequestLimit == 10 && configuration.upgrades.pullRequestsPerHour == 2)
        let github = try #require(configuration.forges.first)
        #expect(github.endpoint.kind == .github)
        #expect(github.endpoint.apiRoot.absoluteString == "https://api.github.com")
        #expect(github.webhookSecret == "s3cret")
        guard case .gitHubApp(let id, _, _, let slug) = github.endpoint.authentication else {
            Issue.record("expected GitHub App authentication")
            return
        }
        #expect(id == "4242" && slug == "shipshape")
    }

    @Test func everyProblemIsReportedWithItsLine() {
        let text = """
            server:
              port: 99999
              colour: blue
            queue:
              postgres: postgres://user:password@db/shipshape
            forges:
              gitea:
                url: https://gitea.example.com
                token: {env: NOT_SET_ANYWHERE}
                webhookSecret: {env: GITEA_SECRET}
              bitbucket: {}
            schedules:
              - name: upgrades
                kind: scan
                cron: "0 6 * * mon-fry"
                timeZone: Mars/Olympus
                repositories: [github:acme/shop]
              - name: later
                kind: rebase
                cron: "@daily"
                repositories: [github:acme/shop]
            upgrades:
              rules:
                - match: cert-manager
                  allow: sometimes
            """
        #expect {
            _ = try BotConfigurationReader.read(
                text: text, file: "shipshape.yaml", environment: ["GITEA_SECRET": "x"], readFile: { _ in nil })
        } throws: { error in
            let message = "\(error)"
            return message.contains("shipshape.yaml:2: server.port must be a whole number")
                && message.contains("shipshape.yaml:3: unknown setting `server.colour`")
                && message.contains("shipshape.yaml:5: queue.postgres is a secret")
                && message.contains("NOT_SET_ANYWHERE is not set")
                && message.contains("shipshape.yaml:11: unknown forge `bitbucket`")
                && message.contains("shipshape.yaml:15: schedules.upgrades.cron")
                && message.contains("shipshape.yaml:19: schedules.later.kind must be upgrade, scan or scan-images")
                && message.contains("shipshape.yaml:25: allow must be patch, minor or major")
                && !message.contains("password")
        }
    }

    @Test func schedulesNameTheirRepositoriesAndTimeZone() throws {
        let text = """
            forges:
              gitlab:
                url: https://gitlab.example.com
                token: {file: /run/secrets/gitlab-token}
                webhookSecret: {file: /run/secrets/gitlab-hook}
            schedules:
              - name: nightly-scans
                kind: scan
                cron: "30 2 * * *"
                timeZone: Europe/Berlin
                repositories: [gitlab:platform/clusters/prod, gitlab:platform/clusters/staging]
            """
        let configuration = try BotConfigurationReader.read(
            text: text, file: "shipshape.yaml", environment: [:], readFile: { _ in "secret\n" })
        let schedule = try #require(configuration.schedules.first)
        #expect(schedule.timeZone.identifier == "Europe/Berlin")
        #expect(
            schedule.repositories.map(\.repository.fullName) == ["platform/clusters/prod", "platform/clusters/staging"])
        #expect(configuration.forges.first?.webhookSecret == "secret")
        #expect(configuration.forges.first?.endpoint.apiRoot.absoluteString == "https://gitlab.example.com/api/v4")
    }

    /// A `scan-images` schedule fires jobs of that kind, and is refused where no advisories are configured.
    @Test func imageScanSchedulesNeedTheVulnerabilitiesSection() throws {
        let schedule = """
            forges:
              github:
                token: {env: GH}
                webhookSecret: {env: HOOK}
            schedules:
              - name: daily-images
                kind: scan-images
                cron: "0 5 * * *"
                repositories: [github:acme/platform]

            """
        let environment = ["GH": "t", "HOOK": "h"]
        let configuration = try BotConfigurationReader.read(
            text: schedule + "vulnerabilities: {advisories: /var/lib/shipshape/advisories.sqlite}\n",
            file: "shipshape.yaml", environment: environment, readFile: { _ in nil })
        let images = try #require(configuration.schedules.first)
        #expect(images.kind == .scanImages)
        let jobs = images.jobs(firedAt: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(jobs.map(\.kind) == [.scanImages])
        #expect(try jobs.map { try JobPayload.decode($0.payload, kind: $0.kind).work } == [.scanImages])
        #expect {
            _ = try BotConfigurationReader.read(
                text: schedule, file: "shipshape.yaml", environment: environment, readFile: { _ in nil })
        } throws: { error in
            "\(error)".contains("shipshape.yaml:7: a `scan-images` schedule needs a `vulnerabilities:` section")
        }
    }

    @Test func upgradeSchedulesAndTheUpgradesSection() throws {
        let text = """
            forges:
              github:
                token: {env: GH}
                webhookSecret: {env: HOOK}
            schedules:
              - name: weekly-upgrades
                kind: upgrade
                cron: "0 6 * * mon"
                repositories: [github:acme/platform]
            upgrades:
              rules:
                - match: [cert-manager, "ghcr.io/acme/*"]
                  allow: minor
              registries:
                registry.acme.dev: {username: bot, password: {env: REGISTRY_TOKEN}}
              pullRequests: {open: 5, perHour: 1}
            """
        let configuration = try BotConfigurationReader.read(
            text: text, file: "shipshape.yaml",
            environment: ["GH": "t", "HOOK": "h", "REGISTRY_TOKEN": "r"], readFile: { _ in nil })
        #expect(configuration.schedules.map(\.kind) == [.upgrade])
        #expect(configuration.upgrades.openPullRequestLimit == 5)
        #expect(configuration.upgrades.pullRequestsPerHour == 1)
        #expect(configuration.upgrades.rules.first?.patterns == ["cert-manager", "ghcr.io/acme/*"])
        #expect(configuration.upgrades.credentials.login(for: "registry.acme.dev")?.password == "r")
    }
}
