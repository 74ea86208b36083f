import Foundation
import GitKit
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Review

/// Reviews of repositories whose manifests are kustomize overlays: the roots a change touches are
/// built at the merge base and at head, and what the change does to the built objects is judged.
@Suite struct KustomizeReviewTests {
    static let patch = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: checkout
          namespace: shop
        spec:
          replicas: 4

        """

    static let privilegedPatch =
        patch + """
              template:
                spec:
                  containers:
                    - name: app
                      securityContext:
                        privileged: true

            """

    /// `main`: a clean base (Tests/Fixtures/clean) built by two overlays, prod with a patch.
    static func overlayRepository() throws -> (GitFixture, String) {
        let fixture = try GitFixture()
        let upstream = try fixture.makeUpstream("shop")
        for name in ["app.yaml", "guards.yaml"] {
            let text = try String(contentsOf: ReviewEngineTests.cleanFolder.appending(path: name), encoding: .utf8)
            try fixture.write(text, to: "base/\(name)", in: upstream.work)
        }
        try fixture.write(
            "resources:\n  - app.yaml\n  - guards.yaml\n", to: "base/kustomization.yaml", in: upstream.work)
        try fixture.write(
            "resources:\n  - ../../base\npatches:\n  - path: patch.yaml\n", to: "overlays/prod/kustomization.yaml",
            in: upstream.work)
        try fixture.write(patch, to: "overlays/prod/patch.yaml", in: upstream.work)
        try fixture.write("resources:\n  - ../../base\n", to: "overlays/staging/kustomization.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "base and overlays")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        return (fixture, upstream.work)
    }

    static func located(_ comments: [ReviewResult.Comment]) -> [String] {
        comments.map { "\($0.finding.file):\($0.finding.position.line) \($0.finding.checkID)" }
    }

    @Test func aPatchThatTurnsOnPrivilegedGetsTheFindingOnItsLineAndNothingElse() throws {
        let (fixture, work) = try Self.overlayRepository()
        defer { fixture.shutdown() }
        try fixture.write(Self.privilegedPatch, to: "overlays/prod/patch.yaml", in: work)
        try fixture.commitAndPush(work, message: "privileged in prod", refspecs: [])

        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        #expect(Self.located(review.comments) == ["overlays/prod/patch.yaml:13 runAsPrivileged"])
        #expect(
            review.comments.first?.finding.message.hasSuffix("(built by kustomization overlays/prod, base/app.yaml)")
                == true)
        // The patch is not a Deployment of its own: no "no image, no probes, no resources" anywhere.
        #expect(review.summary.isEmpty, "\(review.summary.map(\.finding.checkID))")
        #expect(!review.files.contains { $0.path == "overlays/prod/patch.yaml" })
        #expect(review.notes.isEmpty, "\(review.notes)")
    }

    @Test func aBaseLineChangedIsReportedOnceNamingTheOverlays() throws {
        let (fixture, work) = try Self.overlayRepository()
        defer { fixture.shutdown() }
        try ReviewEngineTests.edit("base/app.yaml", in: work, ReviewEngineTests.latestTag)
        try fixture.commitAndPush(work, message: "latest everywhere", refspecs: [])

        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        #expect(Self.located(review.comments) == ["base/app.yaml:37 tagNotSpecified"])
        #expect(
            review.comments.first?.finding.message.contains("(built by kustomizations overlays/prod, overlays/staging")
                == true,
            "\(review.comments.map(\.finding.message))")
        #expect(review.summary.isEmpty)
    }

    @Test func anImagesEntryThatMovesToLatestGetsTheFindingOnItsLine() throws {
        let (fixture, work) = try Self.overlayRepository()
        defer { fixture.shutdown() }
        let kustomization =
            "resources:\n  - ../../base\nimages:\n  - name: ghcr.io/example/checkout\n    newTag: latest\n"
        try fixture.write(kustomization, to: "overlays/staging/kustomization.yaml", in: work)
        try fixture.commitAndPush(work, message: "staging follows latest", refspecs: [])

        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        #expect(Self.located(review.comments) == ["overlays/staging/kustomization.yaml:5 tagNotSpecified"])
        #expect(review.summary.isEmpty)
    }
}
