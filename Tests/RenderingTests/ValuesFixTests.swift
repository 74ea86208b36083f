import Fixes
import Foundation
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Rendering

/// Fixes of findings on rendered objects, written into the values that produced the fields, and
/// checked again by rendering the chart with the fixed values.
@Suite struct ValuesFixTests {
    static let files: [String: String] = [
        "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
        "charts/web/values.yaml":
            "image: registry.example.com/web:1.0.0\npullPolicy: IfNotPresent\nsecurityContext: {}\n",
        "charts/web/templates/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: {{ .Values.image }}
                  imagePullPolicy: IfNotPresent
                  securityContext:
                    {{- toYaml .Values.securityContext | nindent 12 }}

        """,
        "flux/web.yaml": """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: platform
        spec:
          url: https://git.example.com/platform.git
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: web
          namespace: web
        spec:
          chart:
            spec:
              chart: ./charts/web
              sourceRef: {kind: GitRepository, name: platform}
          values:
            securityContext:
              privileged: true

        """,
    ]

    @Test func aValueIsFixedWhereItIsWrittenAndTheChartRendersClean() async throws {
        let run = try await RenderHarness.check(Self.files, offline: true)
        #expect(run.lines("runAsPrivileged", in: "flux/web.yaml") == [20])
        let stream = try #require(run.outcome.generated.first { $0.label.contains("HelmRelease web/web") })
        let read: PolicyEngine.FileSource = { try FileContents.read($0) }
        let fixer = ValuesFixer(
            engine: FixEngine(
                policy: try RenderHarness.engine(),
                selection: .checks(["runAsPrivileged", "insecureCapabilities", "pullPolicyNotAlways"])))
        let plan = fixer.plan(stream, source: read)
        #expect(Set(plan.edits.map(\.finding.checkID)) == ["runAsPrivileged", "insecureCapabilities"])
        // imagePullPolicy is written in the chart's template, not in any values: no fix, with the reason.
        let unfixed = try #require(plan.unfixed.first { $0.finding.checkID == "pullPolicyNotAlways" })
        #expect(unfixed.why.contains("comes from the chart's templates"))

        let release = run.folder.appending(path: "flux/web.yaml").path
        let changed = try ValuesFixer.apply(plan.edits, source: read)
        #expect(Array(changed.keys) == [release])
        let text = String(decoding: try #require(changed[release]), as: UTF8.self)
        #expect(
            text.hasSuffix("    securityContext:\n      privileged: false\n      capabilities:\n        drop: [ALL]\n"),
            "\(text)")

        var fixedFiles = Self.files
        fixedFiles["flux/web.yaml"] = text
        let again = try await RenderHarness.check(fixedFiles, offline: true)
        #expect(again.findings("runAsPrivileged", in: "flux/web.yaml").isEmpty)
        #expect(again.findings("insecureCapabilities", in: "flux/web.yaml").isEmpty)
    }
}
