import Bot
import Forge
import Foundation
import Testing

/// The sign-in part of `dashboard:`: secrets from the environment or files only, every problem
/// at once with its line, and the admins list by name or by forge and name.
@Suite struct DashboardSignInConfigurationTests {
    static let forges = """
        forges:
          github:
            webhookSecret: {env: HOOK}
            token: {env: TOKEN}
        """

    @Test func signInReadsItsSecretsFromTheEnvironmentAndFiles() throws {
        let text =
            Self.forges + """

                dashboard:
                  publicURL: https://shipshape.example.com
                  sessionSecret: {file: /etc/shipshape/session}
                  sessionHours: 8
                  permissionCacheSeconds: 60
                  admins: [alice, "gitlab:bob"]
                  oauth:
                    github:
                      clientId: Iv1.0123
                      clientSecret: {env: GITHUB_OAUTH_SECRET}
                """
        let configuration = try BotConfigurationReader.read(
            text: text, file: "shipshape.yaml",
            environment: ["HOOK": "h", "TOKEN": "t", "GITHUB_OAUTH_SECRET": "oauth-secret"],
            readFile: { $0 == "/etc/shipshape/session" ? String(repeating: "k", count: 48) + "\n" : nil })
        let signIn = try #require(configuration.dashboard?.signIn)

        #expect(signIn.callbackURL.absoluteString == "https://shipshape.example.com/dashboard/oauth/callback")
        #expect(signIn.sessionSecret == String(repeating: "k", count: 48))
        #expect(signIn.sessionLifetime == .seconds(8 * 3600) && signIn.permissionCacheLifetime == .seconds(60))
        #expect(signIn.oauth[.github] == .init(clientID: "Iv1.0123", clientSecret: "oauth-secret"))
        #expect(signIn.isAdmin(login: "Alice", forge: .github) && signIn.isAdmin(login: "alice", forge: .gitlab))
        #expect(signIn.isAdmin(login: "bob", forge: .gitlab) && !signIn.isAdmin(login: "bob", forge: .github))
    }

    @Test func aDashboardWithoutSignInSettingsHasNone() throws {
        let configuration = try BotConfigurationReader.read(
            text: Self.forges + "\ndashboard:\n  retention: {scans: 10}\n", file: "shipshape.yaml",
            environment: ["HOOK": "h", "TOKEN": "t"], readFile: { _ in nil })
        #expect(configuration.dashboard != nil && configuration.dashboard?.signIn == nil)
    }

    @Test func everyProblemOfTheSignInIsReportedWithItsLine() {
        let text =
            Self.forges + """

                dashboard:
                  publicURL: ftp://shipshape.example.com
                  sessionSecret: written-here
                  sessionHours: 0
                  admins: alice
                  oauth:
                    gitlab:
                      clientId: abc
                    bitbucket: {}
                """
        #expect {
            _ = try BotConfigurationReader.read(
                text: text, file: "shipshape.yaml", environment: ["HOOK": "h", "TOKEN": "t"], readFile: { _ in nil })
        } throws: { error in
            let message = "\(error)"
            return message.contains("shipshape.yaml:6: dashboard.publicURL must be the http(s) address")
                && message.contains("shipshape.yaml:7: dashboard.sessionSecret is a secret")
                && message.contains("shipshape.yaml:8: dashboard.sessionHours must be a whole number from 1 to 720")
                && message.contains("shipshape.yaml:9: dashboard.admins must be a list")
                && message.contains("shipshape.yaml:12: dashboard.oauth.gitlab needs `clientId` and `clientSecret")
                && message.contains("shipshape.yaml:11: dashboard.oauth.gitlab: no `gitlab` under `forges:`")
                && message.contains("shipshape.yaml:13: unknown forge `bitbucket` under dashboard.oauth")
        }
    }

    @Test func aShortSessionSecretIsRefused() {
        let text =
            Self.forges + """

                dashboard:
                  publicURL: http://127.0.0.1:8080
                  sessionSecret: {env: SESSION}
                  oauth:
                    github: {clientId: a, clientSecret: {env: SECRET}}
                """
        #expect {
            _ = try BotConfigurationReader.read(
                text: text, file: "shipshape.yaml",
                environment: ["HOOK": "h", "TOKEN": "t", "SESSION": "short", "SECRET": "s"], readFile: { _ in nil })
        } throws: { error in
            "\(error)".contains("shipshape.yaml:7: dashboard.sessionSecret must be at least 32 characters")
                && !"\(error)".contains("short")
        }
    }
}
