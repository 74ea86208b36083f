import Bot
import Foundation
import ShipshapeTesting
import Testing
import Upgrades
import Vulnerabilities

/// The upgrade pull request of an image names the advisories the new tag fixes: both tags read
/// from a real `docker-registry`, OSV records written here, the body read back from the stand-in forge.
@Suite struct UpgradeAdvisoriesTests {
    /// Runs the upgrade job over a repository pinning `image` (in the session's registry, which
    /// `push` fills) in `add-on`'s deployment; the outcome and the body of the add-on's pull request.
    static func upgrade(
        _ session: UpgradeSession, addOn: String, image: String, push: (RegistryFixture) throws -> Void
    ) async throws -> (outcome: UpgradeJob.Outcome, body: String) {
        try push(session.registry)
        try session.commit(
            files: [
                "apps/\(addOn)/deployment.yaml": VulnerableImages.deployment(
                    addOn, image: "\(session.registry.host)/\(image)")
            ], message: addOn)
        let images = try await VulnerabilityFixtures.setup()
        var settings = UpgradeSettings()
        settings.pullRequestsPerHour = 5
        var job = try session.job(settings: settings)
        job.imageAdvisories = try images.upgradeAdvisories()
        let outcome = try await job.run()
        let repository = String(image.prefix { $0 != ":" })
        let pullRequest = try #require(
            session.pullRequests.first { ($0["body"] as? String)?.contains("/\(repository)`") == true })
        return (outcome, try #require(pullRequest["body"] as? String))
    }

    @Test func theUpgradePullRequestNamesTheAdvisoriesItFixes() async throws {
        let session = try UpgradeSession()
        defer { session.shutdown() }
        let (outcome, body) = try await Self.upgrade(
            session, addOn: "web", image: "team/web:1.1", push: { try VulnerableImages.pushWeb(to: $0) })
        #expect(outcome.opened.contains("web"), "\(outcome)")
        #expect(body.contains("**Vulnerabilities** (high and above)"), "\(body)")
        #expect(
            body.contains(
                "- `\(session.registry.host)/team/web:1.1` → `1.2`: fixes ALPINE-CVE-2024-5535 (high, libcrypto3); still affected by ALPINE-CVE-2023-42363 (critical, busybox)"
            ), "\(body)")
        // The proposed tag is better: no other is named.
        #expect(!body.contains("  - Tag ") && !body.contains("allowed tag"), "\(body)")
        // The api image has no package database: nothing to say, no section line for it.
        #expect(!body.contains("team/api:1.0.0` →"))
    }

    /// The upgrade proposes the newest allowed tag, 2.3, which fixes the high advisory but brings a
    /// critical one: the body names 2.2, the nearest allowed tag with fewer and none new.
    @Test func theBodyNamesANearerTagWhenTheProposedOneBringsNewAdvisories() async throws {
        let session = try UpgradeSession()
        defer { session.shutdown() }
        let (_, body) = try await Self.upgrade(
            session, addOn: "app", image: "team/app:2.0", push: { try VulnerableImages.pushApp(to: $0) })
        #expect(
            body.contains(
                "- `\(session.registry.host)/team/app:2.0` → `2.3`: fixes ALPINE-CVE-2024-5535 (high, libcrypto3); newly affected by ALPINE-CVE-2023-42363 (critical, busybox)\n  - Tag `2.2` fixes ALPINE-CVE-2024-5535. Nearer allowed tags have no fewer: `2.1`."
            ), "\(body)")
    }
}
