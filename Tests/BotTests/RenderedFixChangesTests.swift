import Foundation
import GitKit
import HelmKit
import Policy
import Rendering
import Review
import ShipshapeTesting
import Testing

@testable import Bot

/// `/shipshape fix` on a pull request whose findings are on rendered objects: the fixes are
/// committed into the values that produced the fields, and what only the chart's templates write
/// is listed as not fixed.
@Suite struct RenderedFixChangesTests {
    static let files: [String: String] = [
        "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
        "charts/web/values.yaml": "securityContext: {}\n",
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
                  image: registry.example.com/web:1.0.0
                  securityContext:
                    {{- toYaml .Values.securityContext | nindent 12 }}

        """,
        "flux/web.yaml": """
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
            replicas: 2

        """,
        "flux/source.yaml":
            "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: platform\nspec:\n  url: https://git.example.com/p.git\n",
    ]

    @Test func renderedFindingsAreFixedInTheValues() async throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("platform")
        for (path, text) in Self.files { try fixture.write(text, to: path, in: upstream.work) }
        try fixture.commitAndPush(upstream.work, message: "base")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        let changed = Self.files["flux/web.yaml"]!.replacingOccurrences(
            of: "    replicas: 2\n", with: "    replicas: 2\n    securityContext:\n      privileged: true\n")
        try fixture.write(changed, to: "flux/web.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "pr", refspecs: [])

        var engine = ReviewEngine(
            defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations())
        engine.rendering = ChartRendering(
            library: try HelmLibrary(path: HelmLibraryLocator.locate().get()), fetcher: nil, cacheFolder: nil)
        let work = upstream.work
        let reviewer = engine
        let review = try await MirrorCache.runBlocking {
            try reviewer.review(ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        }
        #expect(review.comments.map(\.finding.checkID).contains("runAsPrivileged"))

        let change = FixChanges.make(
            review: review, checks: [], headFile: { $0 == "flux/web.yaml" ? Array(changed.utf8) : nil })
        #expect(Array(change.files.keys) == ["flux/web.yaml"])
        let fixed = String(decoding: try #require(change.files["flux/web.yaml"]), as: UTF8.self)
        #expect(fixed.contains("      privileged: false\n"), "\(fixed)")
        #expect(
            change.changes.contains {
                $0.hasPrefix("runAsPrivileged: flux/web.yaml:14 — ") && $0.hasSuffix("(in the values)")
            }, "\(change.changes)")
    }
}
