import Foundation
import GitKit
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Review

/// A folder a Flux Kustomization deploys is reviewed through what Flux builds from it.
@Suite struct DeployedRootsReviewTests {
    /// Deploys `apps/web` into `shop-prod`.
    static let fluxKustomization =
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: web, namespace: flux-system}\n"
        + "spec: {path: ./apps/web, targetNamespace: shop-prod, sourceRef: {kind: GitRepository, name: flux-system}}\n"

    @Test func aChangeInAFolderAFluxKustomizationDeploysIsJudgedInItsBuild() throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("shop")
        for name in ["app.yaml", "guards.yaml"] {
            let text = try String(contentsOf: ReviewEngineTests.cleanFolder.appending(path: name), encoding: .utf8)
            try fixture.write(text, to: "apps/web/\(name)", in: upstream.work)
        }
        try fixture.write(Self.fluxKustomization, to: "clusters/prod/web.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "web deployed by Flux")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        try ReviewEngineTests.edit("apps/web/app.yaml", in: upstream.work, ReviewEngineTests.latestTag)
        try fixture.commitAndPush(upstream.work, message: "latest", refspecs: [])

        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: upstream.work))
        #expect(KustomizeReviewTests.located(review.comments) == ["apps/web/app.yaml:37 tagNotSpecified"])
        #expect(review.comments.first?.finding.object?.namespace == "shop-prod")
        #expect(
            review.comments.first?.finding.message.contains(
                "(built by kustomization apps/web for Flux Kustomization flux-system/web") == true,
            "\(review.comments.map(\.finding.message))")
        #expect(review.summary.isEmpty, "\(review.summary.map(\.finding.checkID))")
    }
}
