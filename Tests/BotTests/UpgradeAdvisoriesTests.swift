import Bot
import Foundation
import ShipshapeTesting
import Testing
import Upgrades
import Vulnerabilities

/// The upgrade pull request of an image names the advisories the new tag fixes: both tags read
/// from a real `docker-registry`, OSV records written here, the body read back from the stand-in forge.
@Suite struct UpgradeAdvisoriesTests {
    @Test func theUpgradePullRequestNamesTheAdvisoriesItFixes() async throws {
        let session = try UpgradeSession()
        defer { session.shutdown() }
        try VulnerableImages.pushWeb(to: session.registry)
        try session.commit(
            files: [
                "apps/web/deployment.yaml": VulnerableImages.deployment(
                    "web", image: "\(session.registry.host)/team/web:1.1")
            ], message: "web")
        let images = try await VulnerabilityFixtures.setup()

        var settings = UpgradeSettings()
        settings.pullRequestsPerHour = 5
        var job = try session.job(settings: settings)
        job.imageAdvisories = try images.upgradeAdvisories()
        let outcome = try await job.run()
        #expect(outcome.opened.contains("web"), "\(outcome)")
        let pullRequest = try #require(
            session.pullRequests.first { ($0["body"] as? String)?.contains("/team/web`") == true })
        let body = try #require(pullRequest["body"] as? String)
        #expect(body.contains("**Vulnerabilities** (high and above)"), "\(body)")
        #expect(
            body.contains(
                "- `\(session.registry.host)/team/web:1.1` → `1.2`: fixes ALPINE-CVE-2024-5535 (high, libcrypto3); still affected by ALPINE-CVE-2023-42363 (critical, busybox)"
            ), "\(body)")
        // The api image has no package database: nothing to say, no section line for it.
        #expect(!body.contains("team/api:1.0.0` →"))
    }

    /// The upgrade proposes the newest allowed tag, 2.3, which fixes the high advisory but brings a
    /// critical one: the body names 2.2, the nearest allowed tag with fewer and none new.
    @Test func theBodyNamesANearerTagWhenTheProposedOneBringsNewAdvisories() async throws {
        let session = try UpgradeSession()
        defer { session.shutdown() }
        try VulnerableImages.pushApp(to: session.registry)
        try session.commit(
            files: [
                "apps/app/deployment.yaml": VulnerableImages.deployment(
                    "app", image: "\(session.registry.host)/team/app:2.0")
            ], message: "app")
        let images = try await VulnerabilityFixtures.setup()

        var settings = UpgradeSettings()
        settings.pullRequestsPerHour = 5
        var job = try session.job(settings: settings)
        job.imageAdvisories = try images.upgradeAdvisories()
        _ = try await job.run()
        let pullRequest = try #require(
            session.pullRequests.first { ($0["body"] as? String)?.contains("/team/app`") == true })
        let body = try #require(pullRequest["body"] as? String)
        #expect(
            body.contains(
                "- `\(session.registry.host)/team/app:2.0` → `2.3`: fixes ALPINE-CVE-2024-5535 (high, libcrypto3); newly affected by ALPINE-CVE-2023-42363 (critical, busybox)\n  - Tag `2.2` fixes ALPINE-CVE-2024-5535. Nearer allowed tags have no fewer: `2.1`."
            ), "\(body)")
    }
}
