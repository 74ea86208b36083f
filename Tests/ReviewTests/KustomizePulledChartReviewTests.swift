import Foundation
import GitKit
import HTTPKit
import HelmKit
import Manifests
import Policy
import Rendering
import ShipshapeTesting
import Testing
import Upgrades

@testable import Review

/// `helmCharts` entries that name their chart by `repo:` and `version:`, not in the chart home:
/// pulled as kustomize pulls them, from a Helm repository on loopback (podinfo, packed here),
/// checked against the index's digest, then built with the root.
@Suite struct KustomizePulledChartReviewTests {
    static func kustomization(repo: URL, privileged: Bool) -> String {
        """
        namespace: web
        helmCharts:
          - name: podinfo
            repo: \(repo.absoluteString)
            version: 6.14.1
            releaseName: front
            valuesInline:
              replicaCount: 2
              securityContext:
                runAsNonRoot: true
        \(privileged ? "        privileged: true\n" : "")
        """
    }

    static func review(offline: Bool) async throws -> ReviewResult {
        let repository = try HelmRepositoryFixture.start(charts: [])
        defer { repository.shutdown() }
        repository.add(
            name: "podinfo", version: "6.14.1",
            archive: try ChartFolderArchive.pack(ChartFolderArchive.shared("podinfo-6.14.1"), name: "podinfo"))
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("web")
        try fixture.write(
            kustomization(repo: repository.url, privileged: false), to: "apps/web/kustomization.yaml",
            in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "podinfo")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        try fixture.write(
            kustomization(repo: repository.url, privileged: true), to: "apps/web/kustomization.yaml",
            in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "privileged", refspecs: [])

        var engine = try ReviewEngineTests.engine()
        let http = CurlHTTPClient()
        let lookup = try VersionLookup.make(
            settings: UpgradeSettings(), http: http, cache: DiskCache(folder: nil), tagListLifetime: .zero)
        engine.rendering = ChartRendering(
            library: try HelmLibrary(path: HelmLibraryLocator.locate().get()),
            fetcher: ChartArchiveFetcher(lookup: lookup, http: http), cacheFolder: nil)
        engine.remoteBases = RemoteBaseFetcher(
            mirrors: MirrorCache(directory: fixture.path("mirrors")), offline: offline)
        let reviewer = engine
        let work = upstream.work
        return try await MirrorCache.runBlocking {
            try reviewer.review(ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        }
    }

    @Test func aPulledChartIsBuiltAndTheChangedValueCommentedOnItsLine() async throws {
        let review = try await Self.review(offline: false)
        #expect(
            KustomizeReviewTests.located(review.comments) == ["apps/web/kustomization.yaml:11 runAsPrivileged"])
        #expect(
            review.comments.first?.finding.message.contains("built by kustomization apps/web") == true,
            "\(review.comments.map(\.finding.message))")
        #expect(review.notes.isEmpty, "\(review.notes)")
    }

    @Test func offlineTheChartIsNotPulledAndTheRootIsRefusedSayingWhy() async throws {
        let review = try await Self.review(offline: true)
        #expect(
            review.notes.contains { $0.contains("could not be pulled from") && $0.contains("--offline") },
            "\(review.notes)")
    }
}
