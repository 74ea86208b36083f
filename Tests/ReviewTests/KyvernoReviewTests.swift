import Foundation
import GitKit
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Review

/// A Kyverno policy already in the repository judges what a pull request changes: its finding
/// is a comment on the changed line, as a built-in check's would be.
@Suite struct KyvernoReviewTests {
    static let policy = """
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata:
          name: no-latest
        spec:
          validationFailureAction: Enforce
          rules:
            - name: pinned-images
              match:
                any:
                - resources:
                    kinds: [Pod]
              validate:
                message: Images must be pinned to a version, not latest.
                pattern:
                  spec:
                    containers:
                      - image: "!*:latest"
            - name: by-user
              match:
                any:
                - resources:
                    kinds: [Pod]
              validate:
                deny:
                  conditions:
                  - key: "{{ request.userInfo.username }}"
                    operator: Equals
                    value: admin
        """

    @Test func aPolicyInTheBaseTreeCommentsOnTheChangedLine() throws {
        let (fixture, work) = try ReviewEngineTests.baseRepository()
        defer { fixture.shutdown() }
        try fixture.git("checkout", "-q", "main", in: work)
        try fixture.write(Self.policy, to: "policies/no-latest.yaml", in: work)
        try fixture.commitAndPush(work, message: "policy", refspecs: [])
        try fixture.git("checkout", "-q", "-B", "pr", in: work)
        try ReviewEngineTests.edit("apps/shop/app.yaml", in: work, ReviewEngineTests.latestTag)
        try fixture.commitAndPush(work, message: "pr", refspecs: [])

        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        let finding = try #require(
            review.comments.map(\.finding).first { $0.checkID == "kyverno:no-latest/pinned-images" })
        #expect(finding.file == "apps/shop/app.yaml")
        #expect(finding.position.line == 37)
        #expect(finding.severity == .danger)
        #expect(review.runtimeChecks.map(\.id) == ["kyverno:no-latest/pinned-images"])
        #expect(
            review.notes.contains { $0.hasPrefix("policies/no-latest.yaml:27:") && $0.contains("request.userInfo") },
            "notes reach the review's summary")
    }

    /// A PolicyException committed beside the policy is read in every review, like the policy:
    /// the pull request's `latest` image is excepted for the Deployment it names.
    @Test func aPolicyExceptionInTheTreeExceptsTheChange() throws {
        let (fixture, work) = try ReviewEngineTests.baseRepository()
        defer { fixture.shutdown() }
        try fixture.git("checkout", "-q", "main", in: work)
        try fixture.write(Self.policy, to: "policies/no-latest.yaml", in: work)
        try fixture.write(
            """
            apiVersion: kyverno.io/v2
            kind: PolicyException
            metadata: {name: checkout-latest, namespace: kyverno}
            spec:
              exceptions:
              - policyName: no-latest
                ruleNames: [autogen-pinned-images]
              match:
                any:
                - resources: {kinds: [Deployment], names: [checkout], namespaces: [shop]}
            """, to: "policies/exceptions.yaml", in: work)
        try fixture.commitAndPush(work, message: "policy and exception", refspecs: [])
        try fixture.git("checkout", "-q", "-B", "pr", in: work)
        try ReviewEngineTests.edit("apps/shop/app.yaml", in: work, ReviewEngineTests.latestTag)
        try fixture.commitAndPush(work, message: "pr", refspecs: [])

        let review = try ReviewEngineTests.engine().review(
            ReviewRequest(base: "main", head: "pr"), in: try Repository.open(at: work))
        #expect(!review.comments.contains { $0.finding.checkID == "kyverno:no-latest/pinned-images" })
        #expect(review.comments.contains { $0.finding.checkID == "tagNotSpecified" }, "built-in checks still report")
    }
}
