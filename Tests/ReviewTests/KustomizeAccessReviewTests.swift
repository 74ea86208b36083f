import Foundation
import GitKit
import HelmKit
import Manifests
import Policy
import Rendering
import ShipshapeTesting
import Testing

@testable import Review

/// Reviews whose kustomizations need what `check` builds them with: the Helm engine for
/// `helmCharts` (chart folders read from Git objects, rendered by the review's renderer) and
/// remote Git bases (fetched through GitKit's mirror cache, here from git daemon on loopback).
@Suite struct KustomizeAccessReviewTests {
    static func kustomization(privileged: Bool) -> String {
        """
        helmCharts:
          - name: reporting
            releaseName: reporting
            namespace: reporting
            valuesInline:
              securityContext:
                runAsNonRoot: true
        \(privileged ? "        privileged: true\n" : "")
        """
    }

    /// `main`: a chart root (apps/reporting) and a root over a remote base (apps/web, its base
    /// in the repository `bases` served by git daemon); `pr` branched from it.
    static func repository() throws -> (GitFixture, String) {
        let fixture = try GitFixture()
        let bases = try fixture.makeUpstream("bases")
        for name in ["app.yaml", "guards.yaml"] {
            let text = try String(contentsOf: ReviewEngineTests.cleanFolder.appending(path: name), encoding: .utf8)
            try fixture.write(text, to: "base/\(name)", in: bases.work)
        }
        try fixture.write("resources:\n  - app.yaml\n  - guards.yaml\n", to: "base/kustomization.yaml", in: bases.work)
        try fixture.commitAndPush(bases.work, message: "base")
        let daemon = try fixture.startDaemon()

        let upstream = try fixture.makeUpstream("shop")
        for (path, text) in RenderedReviewTests.chart {
            try fixture.write(text, to: "apps/reporting/" + path, in: upstream.work)
        }
        try fixture.write(kustomization(privileged: false), to: "apps/reporting/kustomization.yaml", in: upstream.work)
        try fixture.write(
            "resources:\n  - \(daemon)/bases.git//base?ref=main\npatches:\n  - path: patch.yaml\n",
            to: "apps/web/kustomization.yaml", in: upstream.work)
        try fixture.write(KustomizeReviewTests.patch, to: "apps/web/patch.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "charts and a remote base")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        return (fixture, upstream.work)
    }

    /// The pull request: privileged in the chart's valuesInline and in the patch over the remote base.
    static func turnOnPrivileged(_ fixture: GitFixture, _ work: String) throws {
        try fixture.write(kustomization(privileged: true), to: "apps/reporting/kustomization.yaml", in: work)
        try fixture.write(KustomizeReviewTests.privilegedPatch, to: "apps/web/patch.yaml", in: work)
        try fixture.commitAndPush(work, message: "privileged", refspecs: [])
    }

    /// The engine as the bot and the command line set it: the Helm engine, remote bases fetched.
    static func engine(_ fixture: GitFixture) throws -> ReviewEngine {
        var engine = try RenderedReviewTests.engine()
        engine.remoteBases = RemoteBaseFetcher(mirrors: MirrorCache(directory: fixture.path("mirrors")))
        return engine
    }

    static func review(_ work: String, engine: ReviewEngine) async throws -> ReviewResult {
        // On a thread of its own, as the bot and the command line run reviews.
        try await MirrorCache.runBlocking {
            try engine.review(ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        }
    }

    @Test func chartValuesAndPatchesOverARemoteBaseAreCommentedOnTheirChangedLines() async throws {
        let (fixture, work) = try Self.repository()
        defer { fixture.shutdown() }
        try Self.turnOnPrivileged(fixture, work)

        let engine = try Self.engine(fixture)
        let review = try await Self.review(work, engine: engine)
        #expect(
            KustomizeReviewTests.located(review.comments).sorted() == [
                "apps/reporting/kustomization.yaml:8 runAsPrivileged", "apps/web/patch.yaml:13 runAsPrivileged",
            ])
        // The chart's objects are judged once, through the built root, not rendered again on their own.
        #expect(review.summary.isEmpty, "\(review.summary.map { "\($0.finding.file) \($0.finding.checkID)" })")
        #expect(review.notes.isEmpty, "\(review.notes)")
    }

    /// A chart in the chart home is read by the renderer from its folder, not through the files
    /// the build records: a change to a template alone still rebuilds the root at base and head.
    @Test func aChangedTemplateOfAChartInTheChartHomeRebuildsTheRoot() async throws {
        let (fixture, work) = try Self.repository()
        defer { fixture.shutdown() }
        let template = "charts/reporting/templates/deployment.yaml"
        let line = "{{- toYaml .Values.securityContext | nindent 12 }}\n"
        let text = try #require(RenderedReviewTests.chart[template])
        #expect(text.contains(line))
        try fixture.write(
            text.replacingOccurrences(of: line, with: line + "            privileged: true\n"),
            to: "apps/reporting/" + template, in: work)
        try fixture.commitAndPush(work, message: "privileged in the template", refspecs: [])

        let review = try await Self.review(work, engine: try Self.engine(fixture))
        let found = (review.comments.map(\.finding) + review.summary.map(\.finding)).map {
            "\($0.file):\($0.position.line) \($0.checkID)"
        }
        #expect(found == ["apps/reporting/kustomization.yaml:2 runAsPrivileged"])
        #expect(
            review.summary.first?.finding.message.contains("built by kustomization apps/reporting") == true,
            "\(review.summary.map(\.finding.message))")
        #expect(review.notes.isEmpty, "\(review.notes)")
    }

    /// `helmGlobals.chartHome` outside the root's folder: the root is still found to read the chart.
    @Test func aChangedTemplateInASharedChartHomeRebuildsTheRoot() async throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("shop")
        for (path, text) in RenderedReviewTests.chart {
            try fixture.write(text, to: "platform/" + path, in: upstream.work)
        }
        try fixture.write(
            "helmGlobals:\n  chartHome: ../../platform/charts\n" + Self.kustomization(privileged: false),
            to: "apps/reporting/kustomization.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "a shared chart")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        let template = "charts/reporting/templates/deployment.yaml"
        let line = "{{- toYaml .Values.securityContext | nindent 12 }}\n"
        let text = try #require(RenderedReviewTests.chart[template])
        try fixture.write(
            text.replacingOccurrences(of: line, with: line + "            privileged: true\n"),
            to: "platform/" + template, in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "privileged in the template", refspecs: [])

        let review = try await Self.review(upstream.work, engine: try RenderedReviewTests.engine())
        let found = (review.comments.map(\.finding) + review.summary.map(\.finding)).map {
            "\($0.file):\($0.position.line) \($0.checkID)"
        }
        #expect(found == ["apps/reporting/kustomization.yaml:4 runAsPrivileged"])
        #expect(review.notes.isEmpty, "\(review.notes)")
    }

    @Test func aScanBuildsTheRootsWithChartsAndRemoteBases() async throws {
        let (fixture, work) = try Self.repository()
        defer { fixture.shutdown() }
        try Self.turnOnPrivileged(fixture, work)

        let scanner = try Self.engine(fixture)
        let (_, report) = try await MirrorCache.runBlocking {
            try scanner.scan("pr", in: try Repository.open(at: work))
        }
        let privileged = report.findings.filter { $0.checkID == "runAsPrivileged" }.map {
            "\($0.file):\($0.position.line)"
        }
        #expect(privileged.sorted() == ["apps/reporting/kustomization.yaml:8", "apps/web/patch.yaml:13"])
        // The patch is never judged as a Deployment of its own.
        #expect(report.findings.filter { $0.file == "apps/web/patch.yaml" }.count == 1)
        #expect(report.notes.isEmpty, "\(report.notes)")
    }

    @Test func withoutTheEngineOrGitTheRootsAreRefusedWithANote() async throws {
        let (fixture, work) = try Self.repository()
        defer { fixture.shutdown() }
        try Self.turnOnPrivileged(fixture, work)

        let review = try await Self.review(work, engine: try ReviewEngineTests.engine())
        #expect(review.notes.contains { $0.contains("apps/reporting uses helmCharts") }, "\(review.notes)")
        #expect(review.notes.contains { $0.contains("apps/web uses remote resource") }, "\(review.notes)")
    }

    @Test func aBaseThatCannotBeFetchedRefusesTheRootSayingWhy() async throws {
        let (fixture, work) = try Self.repository()
        defer { fixture.shutdown() }
        try fixture.write(KustomizeReviewTests.privilegedPatch, to: "apps/web/patch.yaml", in: work)
        try fixture.commitAndPush(work, message: "privileged", refspecs: [])

        var engine = try ReviewEngineTests.engine()
        engine.remoteBases = RemoteBaseFetcher(mirrors: MirrorCache(directory: fixture.path("mirrors")), offline: true)
        let review = try await Self.review(work, engine: engine)
        #expect(review.notes.contains { $0.contains("could not be fetched: --offline") }, "\(review.notes)")
    }

    @Test func credentialsGoOnlyToTheOriginTheyAreTrustedAt() {
        let token = GitCredentials(token: "secret")
        let fetcher = RemoteBaseFetcher(mirrors: MirrorCache(directory: "/nonexistent")).trusting(
            token, at: "https://git.example.com/acme/shop.git")
        #expect(fetcher.credentials(for: "https://git.example.com/acme/bases.git")?.token == "secret")
        #expect(fetcher.credentials(for: "https://GIT.example.com/other/repo") != nil)
        #expect(fetcher.credentials(for: "https://git.example.com:8443/acme/bases.git") == nil)
        #expect(fetcher.credentials(for: "http://git.example.com/acme/bases.git") == nil)
        #expect(fetcher.credentials(for: "https://git.example.com.evil.test/acme/bases.git") == nil)
        #expect(fetcher.credentials(for: "git@git.example.com:acme/bases.git") == nil)
        #expect(
            RemoteBaseFetcher(mirrors: MirrorCache(directory: "/nonexistent")).credentials(
                for: "https://git.example.com/acme/bases.git") == nil)
    }
}
