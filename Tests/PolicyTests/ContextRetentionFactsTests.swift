import Manifests
import Testing

@testable import Policy

/// A context object kept for the cross-object checks (a role, a NetworkPolicy, a ServiceAccount, a
/// PodDisruptionBudget, an autoscaler) holds only the facts they look up (`ContextRetention`), and
/// the checks answer as they do with the whole objects.
@Suite struct ContextRetentionFactsTests {
    static let context = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: debugger, labels: {team: ops}, annotations: {note: long text}}
        rules:
          - apiGroups: [""]
            resources: [configmaps]
            resourceNames: [settings]
            verbs: [get]
          - apiGroups: [""]
            resources: [pods/exec]
            verbs: [create]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
            - from: [{podSelector: {matchLabels: {app: front}}}]
          egress:
            - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: web, namespace: shop}
        automountServiceAccountToken: false
        secrets: [{name: web-token}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec: {minAvailable: 3, selector: {matchLabels: {app: web}}, unhealthyPodEvictionPolicy: AlwaysAllow}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 9
          metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}]

        """

    static let workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              serviceAccountName: web
              containers: [{name: web, image: nginx:1.27}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: debuggers}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: debugger}
        subjects: [{kind: Group, name: devs}]

        """

    static func objects() -> [String: KubernetesObject] {
        let objects = ManifestReader.read(path: "context.yaml", text: context).objects
        return Dictionary(objects.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func kept(_ kind: String) throws -> YAMLNode {
        try #require(CrossObjectRetention.retained(try #require(objects()[kind])).node)
    }

    @Test func aRoleKeepsWhatTheRulesQuestionsRead() throws {
        let role = try Self.kept("ClusterRole")
        #expect(role["metadata", "name"]?.string == "debugger")
        #expect(role["metadata", "labels"] == nil && role["metadata", "annotations"] == nil)
        // The rule that grants nothing asked about is emptied; the exec rule keeps its three lists.
        #expect(role["rules"]?.items?.count == 2)
        #expect(role["rules"]?.items?[0]["resources"] == nil && role["rules"]?.items?[0]["resourceNames"] == nil)
        #expect(role["rules"]?.items?[1]["resources"]?.items?.first?.string == "pods/exec")
        #expect(role["rules"]?.items?[1]["verbs"]?.items?.first?.string == "create")
    }

    @Test func selectorsTargetsAndCountsAreKept() throws {
        let policy = try Self.kept("NetworkPolicy")
        #expect(policy["metadata", "namespace"]?.string == "shop")
        #expect(policy["spec", "podSelector", "matchLabels", "app"]?.string == "web")
        #expect(policy["spec", "ingress"] == nil)
        #expect(policy["spec", "egress"]?.items?.count == 1 && policy["spec", "egress"]?.items?[0]["to"] == nil)
        let account = try Self.kept("ServiceAccount")
        #expect(account["automountServiceAccountToken"]?.bool == false && account["secrets"] == nil)
        let budget = try Self.kept("PodDisruptionBudget")
        #expect(budget["spec", "minAvailable"]?.int == 3 && budget["spec", "selector", "matchLabels"] != nil)
        #expect(budget["spec", "unhealthyPodEvictionPolicy"] == nil)
        let autoscaler = try Self.kept("HorizontalPodAutoscaler")
        #expect(autoscaler["spec", "scaleTargetRef", "name"]?.string == "web")
        #expect(autoscaler["spec", "scaleTargetRef", "apiVersion"] == nil)
        #expect(autoscaler["spec", "minReplicas"]?.int == 2 && autoscaler["spec", "metrics"] == nil)
    }

    @Test func theChecksAnswerAsWithWholeObjects() throws {
        let files = [(path: "context.yaml", text: Self.context), (path: "workloads.yaml", text: Self.workloads)]
        let pruned = try TestEngine.make()
        var whole = pruned
        whole.retainedForCrossObjectChecks = { $0 }
        let report = pruned.run(files: files)
        let ids = Set(report.findings.map(\.checkID))
        // What the context objects decide: the binding grants exec, the budget outnumbers the
        // autoscaler's floor, the policy governs both directions, the account disables the token.
        #expect(ids.contains("clusterrolebindingPodExecAttach"))
        #expect(ids.contains("pdbMinAvailableGreaterThanHPAMinReplicas"))
        #expect(!ids.contains("missingNetworkPolicy") && !ids.contains("automountServiceAccountToken"))
        #expect(JSONReport.document(report) == JSONReport.document(whole.run(files: files)))
    }
}
