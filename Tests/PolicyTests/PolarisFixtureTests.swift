import Foundation
import Policy
import Testing

/// Runs Polaris' own check fixtures (`../shared/corpus/FairwindsOps__polaris/test/checks/`):
/// Shipshape must agree with Polaris on every `success.*` and `failure.*` file, except where
/// docs/differences-from-polaris.md says it deliberately does not. The list below is that page's
/// list; a difference that disappears, or a new one, fails the test.
@Suite struct PolarisFixtureTests {
    static let deliberateDifferences: [String: String] = [
        "hpaMinAvailability/success.minReplicaAbsent.yaml":
            "an autoscaler without minReplicas has Kubernetes' default, 1: the single replica the check warns about",
        "metadataAndInstanceMismatched/failure.unspecified.yaml":
            "an object without the app.kubernetes.io/instance label is not mismatched",
        "missingNetworkPolicy/failure.netpol_missing_egress_rules.yaml":
            "policyTypes Egress without egress rules denies all egress: the pod is isolated, which is the goal",
        "missingNetworkPolicy/failure.netpol_missing_ingress_rules.yaml":
            "policyTypes Ingress without ingress rules denies all ingress: the pod is isolated, which is the goal",
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        let checkID: String
        let url: URL
        var polarisFails: Bool { url.lastPathComponent.hasPrefix("failure") }
        var key: String { "\(checkID)/\(url.lastPathComponent)" }
        var testDescription: String { key }
    }

    static let cases: [Case] = {
        let folder = TestPaths.sharedCorpus.appending(path: "FairwindsOps__polaris/test/checks")
        return TestPaths.subfolders(of: folder).flatMap { checkFolder -> [Case] in
            let id = checkFolder.lastPathComponent
            guard Catalogue.ids.contains(id) else { return [] }
            return TestPaths.files(in: checkFolder)
                .filter { $0.lastPathComponent.hasPrefix("success") || $0.lastPathComponent.hasPrefix("failure") }
                .map { Case(checkID: id, url: $0) }
        }
    }()

    @Test func theFixturesArePresent() {
        #expect(
            Set(Self.cases.map(\.checkID)).count == 44,
            "expected fixtures for all 44 Polaris checks in \(TestPaths.sharedCorpus.path)")
    }

    @Test(arguments: cases)
    func agreesWithPolaris(_ fixture: Case) throws {
        let text = try String(contentsOf: fixture.url, encoding: .utf8)
        let report = try TestEngine.check(text, path: fixture.key)
        let shipshapeFails = report.findings.contains { $0.checkID == fixture.checkID }
        if let reason = Self.deliberateDifferences[fixture.key] {
            #expect(shipshapeFails != fixture.polarisFails, "documented difference no longer happens: \(reason)")
        } else {
            #expect(
                shipshapeFails == fixture.polarisFails,
                "Polaris \(fixture.polarisFails ? "fails" : "passes") this fixture")
        }
    }
}
