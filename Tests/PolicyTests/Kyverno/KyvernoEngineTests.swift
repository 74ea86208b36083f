import Foundation
import Manifests
import Testing

@testable import Policy

/// Kyverno policies in the checked tree run like built-in checks: findings with the rule's id,
/// the failure action's severity, on the line of the value that failed.
@Suite struct KyvernoEngineTests {
    static let policy = """
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata:
          name: team-rules
          annotations:
            policies.kyverno.io/category: Pod Security Standards (Baseline)
        spec:
          validationFailureAction: Enforce
          rules:
            - name: no-privileged
              match:
                any:
                - resources:
                    kinds: [Pod]
              validate:
                message: Privileged containers are not allowed.
                pattern:
                  spec:
                    containers:
                      - =(securityContext):
                          =(privileged): "false"
            - name: needs-team-label
              match:
                resources:
                  kinds: [Deployment]
              validate:
                failureAction: Audit
                message: The label `team` is required.
                pattern:
                  metadata:
                    labels:
                      team: "?*"
        """

    static let workload = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                - name: sidecar
                  image: envoy:1.30
                  securityContext:
                    privileged: true
        """

    func check(_ files: [(String, String)], configuration: PolicyConfiguration? = nil) throws -> CheckReport {
        try TestEngine.make(configuration: configuration).run(files: files)
    }

    @Test func aPodRuleChecksControllerTemplatesOnTheFailingLine() throws {
        let report = try check([("policies/team.yaml", Self.policy), ("apps/web.yaml", Self.workload)])
        let privileged = try #require(report.findings.first { $0.checkID == "kyverno:team-rules/no-privileged" })
        #expect(privileged.file == "apps/web.yaml")
        #expect(privileged.position.line == 16, "the line of `privileged: true`")
        #expect(privileged.severity == .danger, "Enforce is danger")
        #expect(privileged.container == "sidecar")
        #expect(privileged.category == .security)
        #expect(privileged.message.hasPrefix("Privileged containers are not allowed."))
        let label = try #require(report.findings.first { $0.checkID == "kyverno:team-rules/needs-team-label" })
        #expect(label.severity == .warning, "a rule's own failureAction: Audit is a warning")
        #expect(label.position.line == 3, "the object that lacks the labels: its metadata")
        #expect(
            report.runtimeChecks.map(\.id).sorted() == [
                "kyverno:team-rules/needs-team-label", "kyverno:team-rules/no-privileged",
            ])
    }

    @Test func sarifHasARuleForEveryKyvernoRule() throws {
        let report = try check([("policies/team.yaml", Self.policy), ("apps/web.yaml", Self.workload)])
        let sarif = SARIFReport.render(
            report, checks: Catalogue.metadata, configuration: try TestEngine.make().configuration)
        #expect(sarif.contains("\"id\" : \"kyverno:team-rules/no-privileged\""))
        #expect(sarif.contains("\"ruleId\" : \"kyverno:team-rules/needs-team-label\""))
        #expect(sarif.contains("Privileged containers are not allowed."))
    }

    @Test func theAutogenAnnotationLimitsTheControllers() throws {
        let none = Self.policy.replacing(
            "    policies.kyverno.io/category",
            with: "    pod-policies.kyverno.io/autogen-controllers: none\n    policies.kyverno.io/category")
        let report = try check([("policies/team.yaml", none), ("apps/web.yaml", Self.workload)])
        #expect(!report.findings.contains { $0.checkID == "kyverno:team-rules/no-privileged" })
    }

    @Test func configurationCanRegradeOrExemptARule() throws {
        var configuration = PolicyConfiguration()
        configuration.severities["kyverno:team-rules/no-privileged"] = .ignore
        var exemption = Exemption()
        exemption.rules = ["kyverno:team-rules/needs-team-label"]
        configuration.exemptions = [exemption]
        let report = try check(
            [("policies/team.yaml", Self.policy), ("apps/web.yaml", Self.workload)], configuration: configuration)
        #expect(!report.findings.contains { $0.checkID.hasPrefix("kyverno:") })
    }

    /// A rule's id cannot end an annotation key; `kyverno.<policy>.<rule>` can, and
    /// `kyverno.<policy>` exempts every rule of the policy.
    @Test func anAnnotationExemptsARuleOrItsWholePolicy() throws {
        func ids(_ annotations: String) throws -> [String] {
            let workload = Self.workload.replacingOccurrences(
                of: "  name: web\n", with: "  name: web\n  annotations: \(annotations)\n")
            return try check([("policies/team.yaml", Self.policy), ("apps/web.yaml", workload)]).findings.map(\.checkID)
                .filter { $0.hasPrefix("kyverno:") }.sorted()
        }
        let both = ["kyverno:team-rules/needs-team-label", "kyverno:team-rules/no-privileged"]
        #expect(try ids("{}") == both)
        #expect(
            try ids("{shipshape.dev/kyverno.team-rules.no-privileged-exempt: runs the CNI}")
                == ["kyverno:team-rules/needs-team-label"])
        #expect(try ids("{shipshape.dev/kyverno.team-rules-exempt: \"true\"}") == [])
        #expect(try ids("{shipshape.dev/kyverno.team-rules.no-privileged-exempt: \"false\"}") == both)
        #expect(
            AnnotationExemptions.annotation(for: "kyverno:team-rules/no-privileged")
                == .success("shipshape.dev/kyverno.team-rules.no-privileged-exempt"))
        #expect(
            AnnotationExemptions.annotation(for: "runAsPrivileged") == .success("shipshape.dev/runAsPrivileged-exempt"))
        let long = AnnotationExemptions.annotation(
            for: "kyverno:disallow-privilege-escalation/privilege-escalation-everywhere")
        #expect(throws: AnnotationExemptions.InvalidKey.self) { try long.get() }
    }

    @Test func unsupportedPartsAreNamedAndTheRuleIsNotRun() throws {
        let policy = """
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata:
              name: odd
            spec:
              rules:
                - name: by-user
                  match:
                    any:
                    - resources:
                        kinds: [Pod]
                  validate:
                    deny:
                      conditions:
                        any:
                        - key: "{{ request.userInfo.username }}"
                          operator: Equals
                          value: admin
                - name: by-cel
                  match:
                    any:
                    - resources:
                        kinds: [Pod]
                  validate:
                    cel:
                      expressions: [{expression: "true"}]
                - name: defaults
                  match:
                    any:
                    - resources:
                        kinds: [Pod]
                  mutate:
                    patchStrategicMerge:
                      metadata:
                        labels:
                          +(team): none
            """
        let report = try check([
            ("kyverno/odd.yaml", policy),
            ("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n"),
        ])
        #expect(!report.findings.contains { $0.checkID.hasPrefix("kyverno:") })
        #expect(
            report.notes.contains {
                $0.hasPrefix("kyverno/odd.yaml:16:") && $0.contains("request.userInfo") && $0.contains("not run")
            })
        #expect(report.notes.contains { $0.hasPrefix("kyverno/odd.yaml:27:") && $0.contains("`defaults` mutate") })
        #expect(
            report.notes.contains {
                $0.hasPrefix("kyverno/odd.yaml:25:") && $0.contains("`validate.cel` is not supported")
            })
    }

    @Test func policiesNamedInTheConfigurationRunWithoutDiscovery() throws {
        let configuration = try ConfigurationReader.read(
            text: "kyverno:\n  policies: [shared/team.yaml]\n  discover: false\n",
            file: "shipshape.yaml", knownChecks: Catalogue.ids)
        let engine = try TestEngine.make(configuration: configuration)
        let files = ["shared/team.yaml": Self.policy, "apps/web.yaml": Self.workload]
        let report = engine.run(paths: ["apps/web.yaml"]) { path in Array((files[path] ?? "").utf8) }
        #expect(report.findings.contains { $0.checkID == "kyverno:team-rules/no-privileged" })
        let notDiscovered = engine.run(paths: ["apps/web.yaml", "other/team.yaml"]) { path in
            Array(
                (path == "other/team.yaml" ? Self.policy.replacing("team-rules", with: "other") : files[path] ?? "")
                    .utf8)
        }
        #expect(!notDiscovered.findings.contains { $0.checkID.hasPrefix("kyverno:other/") })
    }

    @Test func aBadKyvernoSettingIsAnErrorWithItsLine() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationReader.read(
                text: "kyverno:\n  discover: maybe\n", file: "shipshape.yaml", knownChecks: Catalogue.ids)
        }
    }
}
