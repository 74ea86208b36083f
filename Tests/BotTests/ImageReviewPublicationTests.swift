import Bot
import Forge
import Foundation
import Policy
import ShipshapeTesting
import Testing
import Vulnerabilities

/// The bot's review of a pull request that changes an image, per forge: the image read from a real
/// `docker-registry`, OSV records written here, the comment posted through the stand-in forge on
/// the line that pins the image, and a second run that posts nothing new.
@Suite struct ImageReviewPublicationTests {
    @Test(arguments: [TestForgeState.Flavor.github, .gitea, .gitlab])
    func theNewImagesVulnerabilitiesAreCommentedOnItsLine(flavor: TestForgeState.Flavor) async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try VulnerableImages.pushWeb(to: registry)
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push([
            "apps/shop/web.yaml": VulnerableImages.deployment("web", image: "\(registry.host)/team/web:1.1")
        ])
        let setup = try await VulnerabilityFixtures.setup()
        let client = try session.client()

        let first = try await session.review(with: client, images: try setup.review())
        let images = session.inlineComments.filter {
            ($0["body"] as? String)?.contains("vulnerableImage") == true
        }
        #expect(images.count == 1)
        let body = try #require(images.first?["body"] as? String)
        #expect(body.contains("Images should have no known vulnerabilities"), "\(body)")
        #expect(!body.contains("-exempt"), "no annotation exempts an image's vulnerabilities")
        #expect(
            body.contains(
                "ALPINE-CVE-2024-5535 (CVE-2024-5535), high: libcrypto3 3.3.0-r2 installed, fixed in 3.3.1-r1"))
        #expect(body.contains("Tag `1.2` fixes ALPINE-CVE-2024-5535; still affected by ALPINE-CVE-2023-42363."))
        // Critical, but new to the repository: the image replaces none, so busybox's advisory counts too.
        #expect(body.contains("ALPINE-CVE-2023-42363"))
        let comment = try #require(first.plan.newComments.first { $0.finding.checkID == "vulnerableImage" })
        #expect(comment.comment.path == "apps/shop/web.yaml" && comment.comment.line == 9)
        #expect(session.latestStatus(of: session.scenario.headSHA) == (flavor == .gitlab ? "failed" : "failure"))

        let again = try await session.review(with: client, images: try setup.review())
        #expect(again.plan.newComments.isEmpty, "the same head is commented once")
    }
}
