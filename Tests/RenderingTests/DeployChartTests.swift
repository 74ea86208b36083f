import Foundation
import Manifests
import Policy
import Testing

@testable import Rendering

/// The bot's own chart (deploy/chart) rendered with Helm's engine for its default values and each
/// documented example (`ci/*-values.yaml`), and checked by Shipshape's catalogue: no findings.
@Suite struct DeployChartTests {
    static let chart = URL(fileURLWithPath: #filePath).appending(path: "../../../deploy/chart").standardized

    static func examples() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: chart.appending(path: "ci").path).filter {
            $0.hasSuffix("-values.yaml")
        }.sorted()
    }

    /// The rendered objects of the default values (`nil`) or one example, as text.
    static func rendered(_ run: RenderHarness.Run, example: String?) -> String {
        let streams = run.outcome.generated.filter { stream in
            if let example { return stream.label.contains("with \(example)") }
            return !stream.label.contains(" with ")
        }
        return streams.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n---\n")
    }

    @Test func defaultValuesAndEveryExampleRenderWithoutFindings() async throws {
        let examples = try Self.examples()
        #expect(examples.count >= 2)
        let run = try await RenderHarness.check([:], copying: ["chart": Self.chart], offline: true)
        #expect(run.report.notes.isEmpty, "\(run.report.notes)")
        #expect(run.outcome.generated.count == 1 + examples.count)
        #expect(run.report.findings.isEmpty, "\(run.report.findings.map { "\($0.checkID): \($0.message)" })")

        let sqlite = Self.rendered(run, example: nil)
        #expect(sqlite.contains("kind: PersistentVolumeClaim") && sqlite.contains("type: Recreate"))
        #expect(
            sqlite.contains("sqlite: /var/lib/shipshape/queue.sqlite") && sqlite.contains("SHIPSHAPE_GITHUB_APP_ID"))
        #expect(!sqlite.contains("kind: Ingress") && !sqlite.contains("kind: ServiceMonitor"))

        let postgres = Self.rendered(run, example: "github-app-postgres-values.yaml")
        #expect(postgres.contains("replicas: 3") && postgres.contains("SHIPSHAPE_DATABASE_URL"))
        #expect(!postgres.contains("kind: PersistentVolumeClaim") && !postgres.contains("type: Recreate"))
        #expect(
            postgres.contains("kind: ServiceMonitor") && postgres.contains("kind: Ingress")
                && postgres.contains("weekly-upgrades"))

        let tokens = Self.rendered(run, example: "gitlab-gitea-sqlite-values.yaml")
        #expect(tokens.contains("SHIPSHAPE_GITLAB_TOKEN") && tokens.contains("SHIPSHAPE_GITEA_WEBHOOK_SECRET"))
        #expect(!tokens.contains("SHIPSHAPE_GITHUB") && !tokens.contains("private-key.pem"))
    }

    /// values.schema.json and the chart's own refusals hold: several replicas on one SQLite file,
    /// a key nobody reads, no forge at all.
    @Test(arguments: [
        ("replicaCount: 3\n", "replicaCount"),
        ("queues: {kind: postgres}\n", "queues"),
        ("forges: {github: {enabled: false}}\n", "enable at least one of forges.github"),
    ])
    func badValuesAreRefusedWithTheReason(values: String, reason: String) async throws {
        let copy = FileManager.default.temporaryDirectory.appending(path: "shipshape-chart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: Self.chart, to: copy)
        try Data(values.utf8).write(to: copy.appending(path: "ci/bad-values.yaml"))
        let run = try await RenderHarness.check([:], copying: ["chart": copy], offline: true)
        let note = run.report.notes.first { $0.contains("bad-values.yaml") }
        #expect(note?.contains(reason) == true, "\(run.report.notes)")
        #expect(!run.outcome.generated.contains { $0.label.contains("bad-values.yaml") })
    }
}
