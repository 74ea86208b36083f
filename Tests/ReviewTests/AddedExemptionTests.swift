import Diffs
import Foundation
import GitKit
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Review

/// A pull request that adds an exemption annotation does not exempt itself: the review lists the
/// exemption with its reason and judges the object without it, unless the base branch's
/// configuration counts such exemptions or someone allowed to approved it (`/shipshape ignore`).
@Suite struct AddedExemptionTests {
    static let checkout = ObjectReference(
        apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "checkout")
    static let annotation = "shipshape.dev/runAsPrivileged-exempt"

    /// The pull request makes the container privileged and exempts it in the same change.
    static func privilegedAndExempted(configuration: String? = nil) throws -> (GitFixture, String) {
        let fixture = try GitFixture()
        let upstream = try fixture.makeUpstream("shop")
        let clean = try String(contentsOf: ReviewEngineTests.cleanFolder.appending(path: "app.yaml"), encoding: .utf8)
        try fixture.write(clean, to: "apps/shop/app.yaml", in: upstream.work)
        try fixture.write(
            try String(contentsOf: ReviewEngineTests.cleanFolder.appending(path: "guards.yaml"), encoding: .utf8),
            to: "apps/shop/guards.yaml", in: upstream.work)
        if let configuration { try fixture.write(configuration, to: ".shipshape.yaml", in: upstream.work) }
        try fixture.commitAndPush(upstream.work, message: "base")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        try ReviewEngineTests.edit("apps/shop/app.yaml", in: upstream.work) { text in
            text.replacingOccurrences(
                of: "  namespace: shop\n  labels:",
                with: "  namespace: shop\n  annotations:\n    \(annotation): \"needs the GPU driver\"\n  labels:"
            )
            .replacingOccurrences(
                of: "            allowPrivilegeEscalation: false\n",
                with: "            allowPrivilegeEscalation: false\n            privileged: true\n")
        }
        try fixture.commitAndPush(upstream.work, message: "pr", refspecs: [])
        return (fixture, upstream.work)
    }

    @Test func anExemptionTheChangeAddsIsListedAndDoesNotCount() throws {
        let (fixture, work) = try Self.privilegedAndExempted()
        defer { fixture.shutdown() }
        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        #expect(
            review.comments.contains { $0.finding.checkID == "runAsPrivileged" },
            "the finding the annotation would hide is reported")
        let added = try #require(review.addedExemptions.first)
        #expect(review.addedExemptions.count == 1)
        #expect(added.file == "apps/shop/app.yaml" && added.position.line == 8)
        #expect(
            added.object == Self.checkout && added.annotation == Self.annotation
                && added.reason == "needs the GPU driver")
        #expect(!added.counted && !added.approved)
        let text = ReviewReport.text(review, useColor: false)
        #expect(
            text.contains(
                #"apps/shop/app.yaml:8 Deployment shop/checkout shipshape.dev/runAsPrivileged-exempt: "needs the GPU driver" (not counted before merge)"#
            ))
        #expect(ReviewReport.json(review).contains(#""counted" : false"#))
    }

    @Test func theBaseConfigurationCanCountThem() throws {
        let (fixture, work) = try Self.privilegedAndExempted(configuration: "pullRequestExemptions: count\n")
        defer { fixture.shutdown() }
        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        #expect(!review.comments.contains { $0.finding.checkID == "runAsPrivileged" })
        #expect(review.addedExemptions.map(\.counted) == [true], "still listed")
    }

    @Test func anApprovedExemptionCounts() throws {
        let (fixture, work) = try Self.privilegedAndExempted()
        defer { fixture.shutdown() }
        let approval = ApprovedExemption(file: "apps/shop/app.yaml", object: Self.checkout, annotation: Self.annotation)
        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr", approvedExemptions: [approval]),
            in: try Repository.open(at: work))
        #expect(!review.comments.contains { $0.finding.checkID == "runAsPrivileged" })
        #expect(review.addedExemptions.map(\.approved) == [true])
    }

    @Test func anExemptionAlreadyOnTheBaseCountsAndIsNotListed() throws {
        let (fixture, work) = try Self.privilegedAndExempted()
        defer { fixture.shutdown() }
        // Merged: the next change only touches another line of the same object.
        try fixture.git("checkout", "-q", "main", in: work)
        try fixture.git("merge", "-q", "--ff-only", "pr", in: work)
        try fixture.git("push", "-q", "--force", "origin", "main", in: work)
        try fixture.git("checkout", "-q", "-b", "next", in: work)
        try ReviewEngineTests.edit("apps/shop/app.yaml", in: work) {
            $0.replacingOccurrences(of: "replicas: 3", with: "replicas: 4")
        }
        try fixture.commitAndPush(work, message: "next", refspecs: [])
        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "next", filter: .file), in: try Repository.open(at: work))
        #expect(review.addedExemptions.isEmpty)
        #expect(!review.comments.contains { $0.finding.checkID == "runAsPrivileged" })
    }
}
