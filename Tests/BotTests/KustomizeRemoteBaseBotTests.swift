import Bot
import Foundation
import Manifests
import Policy
import Review
import ShipshapeTesting
import Testing

/// The bot's reviews build kustomizations over remote Git bases: a base in another repository
/// of the forge is fetched with the bot's token (the forge's Git here wants one for every
/// repository), and the change's findings land on its changed lines.
@Suite struct KustomizeRemoteBaseBotTests {
    static let privilegedPatch = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: checkout
          namespace: shop
        spec:
          replicas: 4
          template:
            spec:
              containers:
                - name: app
                  securityContext:
                    privileged: true

        """

    @Test func aBaseOnTheForgesHostIsFetchedWithTheBotsTokenAndThePatchLineCommented() async throws {
        let session = try ForgeSession(.github)
        defer { session.shutdown() }
        let fixture = session.scenario.fixture
        let bases = try fixture.makeUpstream("bases")
        for name in ["app.yaml", "guards.yaml"] {
            let text = try String(
                contentsOf: PullRequestScenario.cleanFolder.appending(path: name), encoding: .utf8)
            try fixture.write(text, to: "base/\(name)", in: bases.work)
        }
        try fixture.write("resources:\n  - app.yaml\n  - guards.yaml\n", to: "base/kustomization.yaml", in: bases.work)
        try fixture.commitAndPush(bases.work, message: "base")
        try session.push([
            "apps/web/kustomization.yaml":
                "resources:\n  - \(session.gitURL)/bases.git//base?ref=main\npatches:\n  - path: patch.yaml\n",
            "apps/web/patch.yaml": Self.privilegedPatch,
        ])

        let result = try await session.review(with: try session.client())
        let located = result.review.comments.map {
            "\($0.finding.file):\($0.finding.position.line) \($0.finding.checkID)"
        }
        #expect(located == ["apps/web/patch.yaml:13 runAsPrivileged"])
        #expect(result.review.notes.isEmpty, "\(result.review.notes)")
        #expect(session.inlineComments.count == 1)
    }
}
