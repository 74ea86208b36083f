import Bot
import Foundation
import GitKit
import Testing

/// `serve` refuses at start-up what cannot work, every problem at once with its line.
@Suite struct StartUpRefusalTests {
    static func problems(
        _ text: String, environment: [String: String] = ["SECRET": "s3cret", "TOKEN": "t0ken"],
        files: [String: String] = [:]
    ) -> String? {
        do {
            _ = try BotConfigurationReader.read(
                text: text, file: "shipshape.yaml", environment: environment, readFile: { files[$0] })
            return nil
        } catch {
            return "\(error)"
        }
    }

    static func expect(
        _ message: String, mentions expected: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for line in expected { #expect(message.contains(line), sourceLocation: sourceLocation) }
    }

    @Test func unknownKeysAreReportedInEverySection() throws {
        let message = try #require(
            Self.problems(
                """
                forges:
                  gitea:
                    url: https://gitea.example.com
                    token: {env: TOKEN}
                    webhookSecret: {env: SECRET}
                    webhookSecrett: {env: SECRET}
                publication:
                  maxInlineComments: 10
                  template: /etc/templates
                commands:
                  allowedUser: [alice]
                events:
                  scanDefaultBranches: true
                schedules:
                  - name: nightly
                    kind: scan
                    cron: "@daily"
                    repositories: [gitea:acme/shop]
                    timezone: Europe/Berlin
                """))

        Self.expect(
            message,
            mentions: [
                "shipshape.yaml:6: unknown setting `forges.gitea.webhookSecrett`",
                "shipshape.yaml:9: unknown setting `publication.template`",
                "shipshape.yaml:11: unknown setting `commands.allowedUser`",
                "shipshape.yaml:13: unknown setting `events.scanDefaultBranches`",
                "shipshape.yaml:19: unknown setting `schedules.timezone`",
            ])
    }

    @Test func yesAndNoAreNotBooleans() throws {
        let message = try #require(
            Self.problems(
                """
                forges:
                  gitea: {url: https://gitea.example.com, token: {env: TOKEN}, webhookSecret: {env: SECRET}}
                events:
                  reviewDrafts: yes
                  scanDefaultBranch: off
                upgrades:
                  registries:
                    registry.example.com: {insecure: yes}
                """))

        Self.expect(
            message,
            mentions: [
                "shipshape.yaml:4: events.reviewDrafts must be true or false",
                "shipshape.yaml:5: events.scanDefaultBranch must be true or false",
                "shipshape.yaml:8: insecure must be true or false",
            ])
    }

    /// The `upgrades:` section names every problem too, not only its first.
    @Test func everyProblemOfTheUpgradesSectionAtOnce() throws {
        let message = try #require(
            Self.problems(
                """
                forges:
                  gitea: {url: https://gitea.example.com, token: {env: TOKEN}, webhookSecret: {env: SECRET}}
                upgrades:
                  rules:
                    - match: nginx
                      allow: huge
                    - allow: minor
                  registries:
                    registry.example.com: {username: bot}
                    other.example.com: {insecure: maybe, username: bot, password: {env: MISSING}}
                  pullRequests: {open: 3, perDay: 1}
                  schedule: weekly
                """))

        Self.expect(
            message,
            mentions: [
                "shipshape.yaml:6: allow must be patch, minor or major",
                "shipshape.yaml:7: a rule needs match",
                "shipshape.yaml:9: registry registry.example.com has a username but no password",
                "shipshape.yaml:10: insecure must be true or false",
                "shipshape.yaml:11: unknown setting upgrades.pullRequests.perDay",
                "shipshape.yaml:12: unknown setting upgrades.schedule",
            ])
    }

    /// A `tokenHosts` that can never match (a single name instead of a list, a URL instead of a
    /// host) would quietly keep the login from its token service.
    @Test func tokenHostsAreAListOfHosts() throws {
        let message = try #require(
            Self.problems(
                """
                forges:
                  gitea: {url: https://gitea.example.com, token: {env: TOKEN}, webhookSecret: {env: SECRET}}
                upgrades:
                  registries:
                    registry.gitlab.com: {username: bot, password: {env: TOKEN}, tokenHosts: gitlab.com}
                    registry.example.com: {username: bot, password: {env: TOKEN}, tokenHosts: [https://auth.example.com/token]}
                """))

        Self.expect(message, mentions: ["shipshape.yaml:5: tokenHosts", "a list"])
        #expect(
            Self.problems(
                """
                forges:
                  gitea: {url: https://gitea.example.com, token: {env: TOKEN}, webhookSecret: {env: SECRET}}
                upgrades:
                  registries:
                    registry.example.com: {username: bot, password: {env: TOKEN}, tokenHosts: [https://auth.example.com/token]}
                """)?.contains("shipshape.yaml:5: tokenHosts") == true)
        #expect(
            Self.problems(
                """
                forges:
                  gitea: {url: https://gitea.example.com, token: {env: TOKEN}, webhookSecret: {env: SECRET}}
                upgrades:
                  registries:
                    registry.example.com: {username: bot, password: {env: TOKEN}, tokenHosts: [auth.example.com, "auth.example.com:8443"]}
                """) == nil)
    }

    @Test func aKeyThatIsNotAKeyAndAnEmptySecretFileAreRefusedWithoutAWrongNoForgeProblem() throws {
        let message = try #require(
            Self.problems(
                """
                forges:
                  github:
                    app:
                      id: 4242
                      privateKey: {file: /keys/app.pem}
                    webhookSecret: {file: /secrets/empty}
                  gitlab:
                    url: https://gitlab.example.com
                    token: {file: /secrets/blank}
                    webhookSecret: {env: SECRET}
                """,
                files: [
                    "/keys/app.pem": "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----\n",
                    "/secrets/empty": "", "/secrets/blank": " \n",
                ]))

        #expect(
            message.contains(
                "shipshape.yaml:5: forges.github.app.privateKey: the GitHub App private key is not a readable RSA key"))
        #expect(message.contains("shipshape.yaml:6: forges.github.webhookSecret: /secrets/empty is empty"))
        #expect(message.contains("shipshape.yaml:9: forges.gitlab.token: /secrets/blank is empty"))
        #expect(!message.contains("no forge is configured"))
        #expect(!message.contains("not a key"), "the key's text is not repeated")
    }

    @Test func aPlainHTTPForgeNeedsToBeAllowedUnlessItIsLoopback() throws {
        let refused = try #require(
            Self.problems(
                """
                forges:
                  gitea: {url: http://gitea.example.com, token: {env: TOKEN}, webhookSecret: {env: SECRET}}
                """))
        #expect(refused.contains("shipshape.yaml:2: forges.gitea.url is plain http"))

        let allowed = try BotConfigurationReader.read(
            text: """
                forges:
                  gitea: {url: "http://gitea.example.com:3000", token: {env: TOKEN}, webhookSecret: {env: SECRET}, allowPlainHTTP: true}
                  gitlab: {url: "http://127.0.0.1:8929", token: {env: TOKEN}, webhookSecret: {env: SECRET}}
                """, file: "shipshape.yaml", environment: ["SECRET": "s", "TOKEN": "t"], readFile: { _ in nil })
        #expect(allowed.plainHTTPForgeHosts == ["gitea.example.com:3000"])
    }

    @Test func theCommitAuthorIsASetting() throws {
        let configuration = try BotConfigurationReader.read(
            text: """
                forges:
                  gitea: {url: https://gitea.example.com, token: {env: TOKEN}, webhookSecret: {env: SECRET}}
                commits:
                  author: {name: Platform Bot, email: platform-bot@example.com}
                """, file: "shipshape.yaml", environment: ["SECRET": "s", "TOKEN": "t"], readFile: { _ in nil })
        #expect(
            configuration.commitAuthor.name == "Platform Bot"
                && configuration.commitAuthor.email == "platform-bot@example.com")

        let message = try #require(
            Self.problems(
                """
                forges:
                  gitea: {url: https://gitea.example.com, token: {env: TOKEN}, webhookSecret: {env: SECRET}}
                commits:
                  author: {name: Platform Bot}
                """))
        #expect(message.contains("shipshape.yaml:4: commits.author needs `name` and an `email` address"))
    }
}
