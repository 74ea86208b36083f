import Manifests
import Policy
import Testing

/// Verdicts and positions found wrong by running kube-score's and kube-linter's own test manifests.
@Suite struct AccuracyFixTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "nginx:1.27"}]
        """

    static func findings(_ text: String, check: String) throws -> [Finding] {
        try TestEngine.check(text).findings.filter { $0.checkID == check }
    }

    /// `policyTypes: []` is an absent list to the API server (Ingress, and Egress only with
    /// egress rules); `egress: []` and `egress: null` are no rules, so such a policy isolates
    /// only ingress.
    @Test(arguments: ["policyTypes: []\n  egress: []", "egress: []", "egress: null", "policyTypes: []"])
    func aPolicyWithoutEgressRulesOrTypesIsolatesOnlyIngress(_ fields: String) throws {
        let policy = """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              \(fields)
            """
        let found = try Self.findings(Self.deployment + "\n" + policy, check: "missingNetworkPolicy")
        #expect(found.map(\.message) == ["no NetworkPolicy governs their egress: add one for ingress and egress"])
    }

    @Test func aPolicyWithEgressRulesAndNoTypesGovernsBoth() throws {
        let policy = """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: []
              egress: [{to: [{podSelector: {}}]}]
            """
        #expect(try Self.findings(Self.deployment + "\n" + policy, check: "missingNetworkPolicy").isEmpty)
    }

    /// Kubernetes defaults `minReplicas` to 1: the single replica the check warns about.
    @Test func anAutoscalerWithoutMinReplicasHasOne() throws {
        let found = try Self.findings(
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 10
            """, check: "hpaMinAvailability")
        #expect(found.map(\.message) == ["minReplicas is not set, so it is 1: set it to 2 or more"])
        #expect(found.first?.position.line == 4)
    }

    /// A template with labels and no `spec` is still matched by its labels.
    @Test func aTemplateWithLabelsAndNoSpecIsMatchedAgainstBudgetsByThem() throws {
        let workload = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                metadata: {labels: {app: web}}
            """
        let unprotected = try Self.findings(workload, check: "missingPodDisruptionBudget")
        #expect(unprotected.map(\.message) == ["no PodDisruptionBudget selects these pods: add one"])
        let budget = """
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
            """
        #expect(try Self.findings(workload + "\n" + budget, check: "missingPodDisruptionBudget").isEmpty)
    }

    /// A finding beneath `securityContext: *shared` lands on that container's own line, not on
    /// the anchor's, which is another container's.
    @Test func aFindingBeneathAnAliasLandsOnTheAliasLine() throws {
        let found = try Self.findings(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: x}
            spec:
              containers:
                - name: a
                  image: nginx:1.25
                  securityContext: &shared
                    privileged: true
                - name: b
                  image: nginx:1.25
                  securityContext: *shared
            """, check: "runAsPrivileged")
        #expect(found.map(\.position.line) == [9, 12])
    }
}
