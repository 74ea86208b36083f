import Foundation
import Manifests
import Testing

@testable import Policy

/// Kyverno `PolicyException`s found in the tree, applied as Kyverno applies them: by policy and
/// rule name (glob patterns; `autogen-<rule>` for a controller, `autogen-cronjob-<rule>` for a
/// CronJob), to the resources `match` selects, when `conditions` hold. The policy, exception and
/// Deployment are the example of Kyverno's documentation ("Policy Exceptions").
@Suite struct KyvernoPolicyExceptionTests {
    static let policy = """
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata:
          name: disallow-host-namespaces
        spec:
          validationFailureAction: Enforce
          background: false
          rules:
            - name: host-namespaces
              match:
                any:
                - resources:
                    kinds:
                      - Pod
              validate:
                message: >-
                  Sharing the host namespaces is disallowed. The fields spec.hostNetwork,
                  spec.hostIPC, and spec.hostPID must be unset or set to `false`.
                pattern:
                  spec:
                    =(hostPID): "false"
                    =(hostIPC): "false"
                    =(hostNetwork): "false"
        """

    static func exception(apiVersion: String = "kyverno.io/v2", ruleNames: String, extra: String = "") -> String {
        """
        apiVersion: \(apiVersion)
        kind: PolicyException
        metadata:
          name: delta-exception
          namespace: delta
        spec:
          exceptions:
          - policyName: disallow-host-namespaces
            ruleNames: \(ruleNames)
          match:
            any:
            - resources:
                kinds:
                - Pod
                - Deployment
                namespaces:
                - delta
                names:
                - important-tool
        \(extra)
        """
    }

    static func deployment(name: String = "important-tool", kind: String = "Deployment") -> String {
        """
        apiVersion: apps/v1
        kind: \(kind)
        metadata:
          name: \(name)
          namespace: delta
          labels:
            app: busybox
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: busybox
          template:
            metadata:
              labels:
                app: busybox
            spec:
              hostIPC: true
              containers:
              - image: busybox:1.35
                name: busybox
                command: ["sleep", "1d"]
        """
    }

    static let ruleID = "kyverno:disallow-host-namespaces/host-namespaces"

    func findings(_ files: [(String, String)]) throws -> (ids: [String], notes: [String]) {
        let report = try TestEngine.make().run(files: [("policies/host.yaml", Self.policy)] + files)
        return (report.findings.map(\.checkID).filter { $0 == Self.ruleID }, report.notes)
    }

    @Test(arguments: ["kyverno.io/v2", "kyverno.io/v2beta1"])
    func theDocumentedExceptionLetsTheToolThrough(apiVersion: String) throws {
        let exception = Self.exception(apiVersion: apiVersion, ruleNames: "[host-namespaces, autogen-host-namespaces]")
        let excepted = try findings([
            ("policies/exception.yaml", exception), ("apps/tool.yaml", Self.deployment()),
            ("apps/other.yaml", Self.deployment(name: "other-tool")),
        ])
        #expect(excepted.ids.count == 1, "only `other-tool`, which the exception does not name, is reported")
        let without = try findings([
            ("apps/tool.yaml", Self.deployment()), ("apps/other.yaml", Self.deployment(name: "other-tool")),
        ])
        #expect(without.ids.count == 2)
    }

    /// Kyverno's note: the auto-generated rules must be named for a controller.
    @Test func aControllerNeedsTheAutogenRuleName() throws {
        let onlyThePodRule = Self.exception(ruleNames: "[host-namespaces]")
        #expect(try findings([("e.yaml", onlyThePodRule), ("apps/tool.yaml", Self.deployment())]).ids.count == 1)
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: important-tool, namespace: delta}
            spec:
              hostIPC: true
              containers: [{name: busybox, image: busybox:1.35}]
            """
        #expect(try findings([("e.yaml", onlyThePodRule), ("apps/pod.yaml", pod)]).ids.isEmpty)
        let cronJob = Self.exception(ruleNames: "[autogen-cronjob-host-namespaces]").replacingOccurrences(
            of: "- Deployment", with: "- CronJob")
        let job = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: important-tool, namespace: delta}
            spec:
              schedule: "@daily"
              jobTemplate:
                spec:
                  template:
                    spec:
                      hostIPC: true
                      containers: [{name: busybox, image: busybox:1.35}]
            """
        #expect(try findings([("e.yaml", cronJob), ("apps/job.yaml", job)]).ids.isEmpty)
    }

    @Test func ruleAndPolicyNamesAreGlobs() throws {
        let glob = Self.exception(ruleNames: "[\"*host-namespaces\"]").replacingOccurrences(
            of: "policyName: disallow-host-namespaces", with: "policyName: disallow-*")
        #expect(try findings([("e.yaml", glob), ("apps/tool.yaml", Self.deployment())]).ids.isEmpty)
        let otherPolicy = Self.exception(ruleNames: "[\"*\"]").replacingOccurrences(
            of: "policyName: disallow-host-namespaces", with: "policyName: require-labels")
        #expect(try findings([("e.yaml", otherPolicy), ("apps/tool.yaml", Self.deployment())]).ids.count == 1)
    }

    @Test func conditionsDecideOnTheWholeResource() throws {
        let conditions = """
            conditions:
              any:
              - key: "{{ request.object.metadata.name }}"
                operator: Equals
                value: LABEL
            """
        func run(_ label: String) throws -> Int {
            let exception = Self.exception(
                ruleNames: "[autogen-host-namespaces]",
                extra: "  "
                    + conditions.replacingOccurrences(of: "LABEL", with: label)
                    .replacingOccurrences(of: "\n", with: "\n  "))
            return try findings([("e.yaml", exception), ("apps/tool.yaml", Self.deployment())]).ids.count
        }
        #expect(try run("important-tool") == 0, "the Deployment's own name is read, not its pod template's")
        #expect(try run("another-tool") == 1)
    }

    @Test func anExceptionThatNeedsTheClusterExceptsNothingAndSaysSo() throws {
        let bySubject = Self.exception(ruleNames: "[autogen-host-namespaces]").replacingOccurrences(
            of: "    - resources:", with: "    - subjects: [{kind: User, name: alice}]\n      resources:")
        let result = try findings([("policies/exception.yaml", bySubject), ("apps/tool.yaml", Self.deployment())])
        #expect(result.ids.count == 1)
        #expect(
            result.notes.contains {
                $0.hasPrefix("policies/exception.yaml:") && $0.contains("PolicyException `delta/delta-exception`")
                    && $0.contains("it excepts nothing")
            }, "\(result.notes)")
    }
}
