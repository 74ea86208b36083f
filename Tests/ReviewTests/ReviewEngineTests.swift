import Diffs
import Foundation
import GitKit
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Review

/// Reviews of real Git histories: a base branch with a clean application, and pull requests on top.
@Suite struct ReviewEngineTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let cleanFolder = testsFolder.deletingLastPathComponent().appending(path: "Fixtures/clean")

    static func engine() throws -> ReviewEngine {
        ReviewEngine(defaults: try BundledData.defaultConfiguration(), deprecations: try BundledData.deprecations())
    }

    /// `main` holds Tests/Fixtures/clean (no findings); returns the fixture and the work tree.
    static func baseRepository() throws -> (GitFixture, String) {
        let fixture = try GitFixture()
        let upstream = try fixture.makeUpstream("shop")
        for name in ["app.yaml", "guards.yaml"] {
            try fixture.write(
                try String(contentsOf: cleanFolder.appending(path: name), encoding: .utf8), to: "apps/shop/\(name)",
                in: upstream.work)
        }
        try fixture.write("name: ci\non: [push]\n", to: ".github/workflows/ci.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "base")
        try fixture.git("checkout", "-q", "-b", "pr", in: upstream.work)
        return (fixture, upstream.work)
    }

    static func edit(_ relative: String, in work: String, _ change: (String) -> String) throws {
        let url = URL(fileURLWithPath: work).appending(path: relative)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    static let latestTag: @Sendable (String) -> String = {
        $0.replacingOccurrences(of: "checkout:1.4.2", with: "checkout:latest")
    }

    @Test func findingsLandOnTheLinesThePullRequestAdded() throws {
        let (fixture, work) = try Self.baseRepository()
        defer { fixture.shutdown() }
        try Self.edit("apps/shop/app.yaml", in: work, Self.latestTag)
        try fixture.write(
            "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: report\n  namespace: shop\nspec:\n  schedule: \"@daily\"\n",
            to: "apps/shop/cron.yaml", in: work)
        try fixture.commitAndPush(work, message: "pr", refspecs: [])

        let review = try Self.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        let comments = review.comments.map { "\($0.finding.file):\($0.finding.position.line) \($0.finding.checkID)" }
        #expect(comments.contains("apps/shop/app.yaml:37 tagNotSpecified"))
        #expect(comments.contains("apps/shop/cron.yaml:1 deprecatedApiVersion"))
        #expect(
            !review.comments.contains { $0.finding.file == "apps/shop/guards.yaml" }, "unchanged files get no comments")
        #expect(review.comments.allSatisfy { $0.side == "RIGHT" })
        #expect(review.changes.map(\.path).sorted() == ["apps/shop/app.yaml", "apps/shop/cron.yaml"])
        #expect(review.summary.isEmpty)
    }

    @Test(arguments: [
        (DiffFilter.Mode.added, false, false),
        (.diffContext, true, false),
        (.file, true, true),
        (.nofilter, true, true),
    ])
    func filterModes(mode: DiffFilter.Mode, contextLineReported: Bool, farLineReported: Bool) throws {
        let (fixture, work) = try Self.baseRepository()
        defer { fixture.shutdown() }
        // On main, before the pull request branches off: no priority class (finding on the pod's
        // `spec:` line, far from the change) and no readiness probe (finding on the container's
        // `- name:` line, right above the change).
        try fixture.git("checkout", "-q", "main", in: work)
        try Self.edit("apps/shop/app.yaml", in: work) {
            $0.replacingOccurrences(of: "      priorityClassName: business-critical\n", with: "")
                .replacingOccurrences(
                    of: "          readinessProbe:\n            httpGet: {path: /ready, port: http}\n", with: "")
        }
        try fixture.commitAndPush(work, message: "main", refspecs: [])
        try fixture.git("checkout", "-q", "-B", "pr", in: work)
        try Self.edit("apps/shop/app.yaml", in: work) {
            $0.replacingOccurrences(of: "imagePullPolicy: Always", with: "imagePullPolicy: IfNotPresent")
        }
        try fixture.commitAndPush(work, message: "pr", refspecs: [])

        let review = try Self.engine().review(
            ReviewRequest(base: "main", head: "pr", filter: mode), in: try Repository.open(at: work))
        let ids = Set(review.comments.map(\.finding.checkID))
        #expect(ids.contains("pullPolicyNotAlways"), "the added line is reported in every mode")
        #expect(ids.contains("readinessProbeMissing") == contextLineReported, "a finding on a context line of the hunk")
        #expect(
            ids.contains("priorityClassNotSet") == farLineReported, "a finding far from the change, in a changed file")
        #expect(!review.comments.contains { $0.finding.file == "apps/shop/guards.yaml" } || mode == .nofilter)
    }

    @Test func deletingWhatAnUntouchedWorkloadReliedOnIsReported() throws {
        let (fixture, work) = try Self.baseRepository()
        defer { fixture.shutdown() }
        try Self.edit("apps/shop/guards.yaml", in: work) { text in
            let start = text.range(of: "---\napiVersion: policy/v1")!.lowerBound
            let end = text.range(of: "---\napiVersion: networking.k8s.io/v1")!.lowerBound
            return String(text[..<start] + text[end...])
        }
        try fixture.commitAndPush(work, message: "drop the PDB", refspecs: [])
        let review = try Self.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        #expect(review.comments.isEmpty)
        let item = try #require(review.summary.first)
        #expect(item.finding.checkID == "missingPodDisruptionBudget")
        #expect(item.finding.file == "apps/shop/app.yaml")
        #expect(item.causedBy == ["apps/shop/guards.yaml"])
        #expect(review.summary.count == 1, "findings that already existed before the change are not the change's")
    }

    @Test func configurationComesFromTheBaseRevision() throws {
        let (fixture, work) = try Self.baseRepository()
        defer { fixture.shutdown() }
        try Self.edit("apps/shop/app.yaml", in: work, Self.latestTag)
        try fixture.write("checks:\n  tagNotSpecified: ignore\n", to: ".shipshape.yaml", in: work)
        try fixture.commitAndPush(work, message: "pr tries to switch the check off", refspecs: [])
        let review = try Self.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        #expect(
            review.comments.contains { $0.finding.checkID == "tagNotSpecified" },
            "a pull request cannot switch off the checks that review it")

        try fixture.git("checkout", "-q", "main", in: work)
        try fixture.write("checks:\n  tagNotSpecified: ignore\n", to: ".shipshape.yaml", in: work)
        try fixture.commitAndPush(work, message: "the team switches it off on main", refspecs: [])
        try fixture.git("checkout", "-q", "-b", "pr2", in: work)
        try Self.edit("apps/shop/app.yaml", in: work, Self.latestTag)
        try fixture.commitAndPush(work, message: "pr2", refspecs: [])
        let second = try Self.engine().review(
            ReviewRequest(base: "main", head: "pr2"), in: try Repository.open(at: work))
        #expect(!second.comments.contains { $0.finding.checkID == "tagNotSpecified" })
    }

    @Test func symlinksInTheRepositoryAreNeverRead() throws {
        let (fixture, work) = try Self.baseRepository()
        defer { fixture.shutdown() }
        try FileManager.default.createSymbolicLink(
            atPath: work + "/apps/shop/passwd.yaml", withDestinationPath: "/etc/passwd")
        try fixture.commitAndPush(work, message: "a symlink", refspecs: [])
        let review = try Self.engine().review(
            ReviewRequest(base: "main", head: "pr", filter: .nofilter), in: try Repository.open(at: work))
        #expect(!review.files.contains { $0.path == "apps/shop/passwd.yaml" })
        #expect(!review.reportedFindings.contains { $0.file == "apps/shop/passwd.yaml" })
    }

    @Test func theJSONIsTheReviewTheBotPosts() throws {
        let (fixture, work) = try Self.baseRepository()
        defer { fixture.shutdown() }
        try Self.edit("apps/shop/app.yaml", in: work, Self.latestTag)
        try Self.edit("apps/shop/guards.yaml", in: work) {
            $0.replacingOccurrences(of: "  maxUnavailable: 1\n", with: "  maxUnavailable: 0\n")
        }
        try fixture.commitAndPush(work, message: "pr", refspecs: [])
        let review = try Self.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        let json = ReviewReport.json(review)
        try GoldenFile.check(json, against: Self.testsFolder.appending(path: "Golden/review.json"))
    }

    @Test func remoteRepositoriesAreReviewedThroughTheMirror() async throws {
        let (fixture, work) = try Self.baseRepository()
        defer { fixture.shutdown() }
        try Self.edit("apps/shop/app.yaml", in: work, Self.latestTag)
        try fixture.commitAndPush(work, message: "pr", refspecs: ["pr:refs/pull/3/head"])
        let url = try fixture.startHTTPServer(token: "review-token") + "/shop.git"
        let cache = MirrorCache(directory: fixture.path("cache"))
        let engine = try Self.engine()
        let refspecs = Repository.branchAndTagRefspecs + ["+refs/pull/*/head:refs/pull/*/head"]
        let review = try await cache.withMirror(
            of: url, credentials: GitCredentials(token: "review-token"), refspecs: refspecs
        ) { mirror, _ in
            try engine.review(ReviewRequest(base: "main", head: "refs/pull/3/head"), in: mirror)
        }
        #expect(review.comments.map(\.finding.checkID) == ["tagNotSpecified"])
    }
}
