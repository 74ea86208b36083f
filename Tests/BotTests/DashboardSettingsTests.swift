import Bot
import Foundation
import Testing

/// The `dashboard:` section: off without it, the defaults with an empty one, problems with their lines.
@Suite struct DashboardSettingsTests {
    static let forge = """
        forges:
          gitea:
            url: https://gitea.example.com
            token: {env: TOKEN}
            webhookSecret: {env: TOKEN}

        """

    static func read(_ text: String) throws -> BotConfiguration {
        try BotConfigurationReader.read(
            text: forge + text, file: "shipshape.yaml", environment: ["TOKEN": "t"], readFile: { _ in nil })
    }

    @Test func theDashboardIsOffUnlessConfigured() throws {
        #expect(try Self.read("").dashboard == nil)
        #expect(try Self.read("dashboard: {}").dashboard == DashboardSettings(retainedScans: 100, retainedDays: 90))
        #expect(try Self.read("dashboard:").dashboard == DashboardSettings())
    }

    @Test func retentionIsRead() throws {
        let settings = try Self.read("dashboard:\n  retention: {scans: 20, days: 0}").dashboard
        #expect(settings == DashboardSettings(retainedScans: 20, retainedDays: nil))
    }

    @Test func badRetentionIsReportedWithItsLine() {
        #expect {
            _ = try Self.read("dashboard:\n  retention: {scans: 0, weeks: 2}\n  colour: blue")
        } throws: { error in
            let message = "\(error)"
            return message.contains("shipshape.yaml:7: dashboard.retention.scans must be a whole number")
                && message.contains("shipshape.yaml:7: unknown setting `dashboard.retention.weeks`")
                && message.contains("shipshape.yaml:8: unknown setting `dashboard.colour`")
        }
    }

    @Test func aTemplatesFolderIsReadAndOneThatIsNotThereIsReportedWithItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        #expect(try Self.read("dashboard:\n  templates: \(folder.path)").dashboard?.templates == folder.path)
        #expect {
            _ = try Self.read("dashboard:\n  retention: {scans: 5}\n  templates: \(folder.path)/missing")
        } throws: { error in
            "\(error)".contains("shipshape.yaml:8: dashboard.templates: \(folder.path)/missing is not a folder")
        }
    }
}
