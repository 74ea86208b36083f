import Foundation
import GitKit
import HelmKit
import Manifests
import Policy
import Rendering
import ShipshapeTesting
import Testing

@testable import Review

/// Reviews of changes to what a repository deploys through Helm: the releases the change affects
/// are rendered at the merge base and at head, and only what the change adds is commented.
@Suite struct RenderedReviewTests {
    static let chart: [String: String] = [
        "charts/reporting/Chart.yaml": "apiVersion: v2\nname: reporting\nversion: 0.3.0\n",
        "charts/reporting/values.yaml": """
        image:
          repository: registry.example.com/reporting
          tag: "1.4.2"
        securityContext:
          runAsNonRoot: true

        """,
        "charts/reporting/templates/deployment.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}
          namespace: {{ .Release.Namespace }}
        spec:
          selector:
            matchLabels: {app: {{ .Release.Name }}}
          template:
            metadata:
              labels: {app: {{ .Release.Name }}}
            spec:
              containers:
                - name: app
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                  securityContext:
                    {{- toYaml .Values.securityContext | nindent 12 }}

        """,
    ]

    static let release = """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: platform
          namespace: flux-system
        spec:
          url: https://git.example.com/platform.git
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: reporting
          namespace: reporting
        spec:
          chart:
            spec:
              chart: ./charts/reporting
              sourceRef:
                kind: GitRepository
                name: platform
                namespace: flux-system
          values:
            image:
              tag: "2.0.0"

        """

    static func engine() throws -> ReviewEngine {
        var engine = ReviewEngine(
            defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations())
        engine.rendering = ChartRendering(
            library: try HelmLibrary(path: HelmLibraryLocator.locate().get()), fetcher: nil, cacheFolder: nil)
        return engine
    }

    /// Reviews a pull request that writes `changes` over the chart and the release on `main`.
    static func review(_ changes: [String: String]) async throws -> ReviewResult {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("platform")
        for (path, text) in chart { try fixture.write(text, to: path, in: upstream.work) }
        try fixture.write(release, to: "flux/reporting.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "base")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        for (path, text) in changes { try fixture.write(text, to: path, in: upstream.work) }
        try fixture.commitAndPush(upstream.work, message: "pr", refspecs: [])
        let engine = try engine()
        let work = upstream.work
        // On a thread of its own, as the bot and the CLI run reviews.
        return try await MirrorCache.runBlocking {
            try engine.review(ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        }
    }

    @Test func aValuesOnlyChangeIsCommentedOnTheChangedKeysOnly() async throws {
        let changed = Self.release.replacingOccurrences(
            of: "      tag: \"2.0.0\"\n", with: "      tag: latest\n    securityContext:\n      privileged: true\n")
        let review = try await Self.review(["flux/reporting.yaml": changed])
        let comments = review.comments.map { "\($0.finding.file):\($0.finding.position.line) \($0.finding.checkID)" }
            .sorted()
        // Line 24 is `tag: latest`, line 26 `privileged: true`; the findings the chart already had
        // (no probes, no limits) are not the change's and get no comment.
        #expect(
            comments == ["flux/reporting.yaml:24 tagNotSpecified", "flux/reporting.yaml:26 runAsPrivileged"],
            "\(comments) \(review.notes)")
        #expect(
            review.comments.first?.finding.message.contains(
                "rendered by HelmRelease reporting/reporting from chart reporting 0.3.0") == true)
        #expect(
            review.summary.isEmpty,
            "\(review.summary.map { "\($0.finding.file):\($0.finding.position.line) \($0.finding.checkID)" })")
        // The suggestion for `privileged: true` is the values fix, on that line.
        let privileged = try #require(review.comments.first { $0.finding.checkID == "runAsPrivileged" })
        guard case .edit(let edit)? = review.renderedFixes[privileged.finding.fingerprint] else {
            Issue.record("no values fix for runAsPrivileged")
            return
        }
        let fixed = try ValuesFixer.apply([edit]) { _ in Array(changed.utf8) }
        #expect(
            fixed.values.map { String(decoding: $0, as: UTF8.self) } == [
                changed.replacingOccurrences(of: "privileged: true", with: "privileged: false")
            ])
    }

    @Test func aChangeToTheChartFolderRendersTheReleasesThatUseIt() async throws {
        let template = Self.chart["charts/reporting/templates/deployment.yaml"]!
            .replacingOccurrences(
                of: "    spec:\n      containers:", with: "    spec:\n      hostNetwork: true\n      containers:")
        let review = try await Self.review(["charts/reporting/templates/deployment.yaml": template])
        let reported = review.reportedFindings.map(\.checkID)
        #expect(reported.filter { $0 == "hostNetworkSet" }.count == 1, "\(reported)")
        #expect(!reported.contains("livenessProbeMissing"), "a finding the chart already had is not the change's")
    }
}
