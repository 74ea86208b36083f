import Manifests
import Testing

@testable import Policy

/// A workload kept for the cross-object checks holds only the facts they and the exemptions read
/// (`CrossObjectRetention`): identity, labels, exempting annotations, the pod template's labels,
/// the service account fields and the containers' and volumes' names.
@Suite struct CrossObjectRetentionFactsTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels: {app: web}
          annotations:
            checksum/config: 0123456789abcdef
            polaris.fairwinds.com/missingPodDisruptionBudget-exempt: "true"
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata:
              labels: {app: web}
              annotations: {prometheus.io/scrape: "true"}
            spec:
              serviceAccountName: web
              nodeSelector: {disk: ssd}
              containers:
                - name: web
                  image: nginx:1.27
                  args: [--port, "8080"]
              volumes:
                - name: cache
                  emptyDir: {}

        """

    static func object() throws -> KubernetesObject {
        try #require(ManifestReader.read(path: "deploy.yaml", text: deployment).objects.first)
    }

    @Test func keepsWhatCrossObjectChecksRead() throws {
        let kept = CrossObjectRetention.retained(try Self.object())
        #expect(kept.kind == "Deployment" && kept.name == "web" && kept.namespace == "shop")
        #expect(kept.labels == ["app": "web"])
        #expect(kept.annotations == ["polaris.fairwinds.com/missingPodDisruptionBudget-exempt": "true"])
        #expect(Workspace.podLabels(of: kept) == ["app": "web"])
        #expect(kept.podTemplate?.spec["serviceAccountName"]?.string == "web")
        #expect(kept.podTemplate?.containers.map(\.name) == ["web"])
        #expect(kept.podTemplate?.spec["volumes"]?.items?.first?["name"]?.string == "cache")
        #expect(kept.anchor == (try Self.object()).anchor)
    }

    @Test func aKustomizationKeepsTheNamespaceItSets() throws {
        let text =
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources: [a.yaml, b.yaml]\n"
        let object = try #require(ManifestReader.read(path: "kustomization.yaml", text: text).objects.first)
        let kept = CrossObjectRetention.retained(object)
        #expect(kept.node["namespace"]?.string == "shop" && kept.group == "kustomize.config.k8s.io")
        #expect(kept.node["resources"] == nil)
    }

    @Test func dropsEverythingElse() throws {
        let object = try Self.object()
        let kept = CrossObjectRetention.retained(object).node
        #expect(kept["spec", "replicas"] == nil && kept["spec", "selector"] == nil)
        #expect(kept["metadata", "annotations", "checksum/config"] == nil)
        #expect(kept["spec", "template", "metadata", "annotations"] == nil)
        #expect(kept["spec", "template", "spec", "nodeSelector"] == nil)
        #expect(kept["spec", "template", "spec", "containers"]?.items?.first?["image"] == nil)
        #expect(kept["spec", "template", "spec", "volumes"]?.items?.first?["emptyDir"] == nil)
        // Origins a generated stream keeps follow the same rule.
        let path = { (keys: [DocumentPath.Component]) in CrossObjectRetention.isDropped(keys, of: object) }
        #expect(path([.key("spec"), .key("replicas")]))
        #expect(path([.key("spec"), .key("template"), .key("spec"), .key("containers"), .index(0), .key("image")]))
        #expect(!path([.key("spec"), .key("template"), .key("spec"), .key("containers"), .index(0), .key("name")]))
        #expect(!path([.key("spec"), .key("template"), .key("metadata"), .key("labels"), .key("app")]))
        #expect(!path([.key("metadata"), .key("namespace")]))
    }

    static func deployment(_ name: String, annotations: [String]) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          namespace: shop
          annotations: {\(annotations.joined(separator: ", "))}
        spec:
          template:
            metadata:
              labels: {app: \(name)}
            spec:
              containers: [{name: app, image: "nginx:1.27"}]

        """
    }

    /// One idea of an exemption annotation (`AnnotationExemptions.isExemptionKey`): a key that
    /// merely holds the word `exempt` is dropped like any other annotation.
    @Test func keepsOnlyExemptionAnnotations() throws {
        let text = Self.deployment(
            "web",
            annotations: [
                "my-team/not-exempt-really: \"true\"", "exempt: \"true\"", "shipshape.dev/exemptions-reviewed: yes",
                "polaris.fairwinds.com/exempt: \"false\"",
                "shipshape.dev/missingPodDisruptionBudget-exempt: a batch job",
                "shipshape.dev/kyverno.disallow-latest-tag-exempt: \"true\"",
            ])
        let object = try #require(ManifestReader.read(path: "deploy.yaml", text: text).objects.first)
        #expect(
            CrossObjectRetention.retained(object).annotations == [
                "polaris.fairwinds.com/exempt": "false",
                "shipshape.dev/missingPodDisruptionBudget-exempt": "a batch job",
                "shipshape.dev/kyverno.disallow-latest-tag-exempt": "true",
            ])
        let dropped = { (key: String) in
            CrossObjectRetention.isDropped([.key("metadata"), .key("annotations"), .key(key)], of: object)
        }
        #expect(
            dropped("my-team/not-exempt-really") && dropped("exempt") && dropped("shipshape.dev/exemptions-reviewed"))
        #expect(!dropped("shipshape.dev/missingPodDisruptionBudget-exempt") && !dropped("polaris.fairwinds.com/exempt"))
    }

    /// Exemption annotations on a workload still exempt it from cross-object checks, which run on
    /// the retained copy once every file is read.
    @Test func exemptionAnnotationsStillExemptFromCrossObjectChecks() throws {
        let text = [
            Self.deployment("plain", annotations: ["my-team/not-exempt-really: \"true\""]),
            Self.deployment("reasoned", annotations: ["shipshape.dev/missingPodDisruptionBudget-exempt: a batch job"]),
            Self.deployment(
                "polaris", annotations: ["polaris.fairwinds.com/missingPodDisruptionBudget-exempt: \"true\""]),
            Self.deployment("everything", annotations: ["shipshape.dev/exempt: \"true\""]),
        ].joined(separator: "---\n")
        let report = try TestEngine.check(text)
        let flagged = report.findings.filter { $0.checkID == "missingPodDisruptionBudget" }.compactMap(\.object?.name)
        #expect(flagged == ["plain"])
    }

    /// Whether a path is dropped is decided in one walk down it; a deep path gets the answer the
    /// rule gives (an unknown field's subtree is dropped, a kept field's subtree kept).
    @Test func deepPathsAreJudgedAsShallowOnes() throws {
        let object = try Self.object()
        let podSpec: [DocumentPath.Component] = [.key("spec"), .key("template"), .key("spec")]
        let deep = Array(repeating: DocumentPath.Component.key("x"), count: 5_000)
        let container = podSpec + [.key("containers"), .index(0)]
        #expect(CrossObjectRetention.isDropped(container + [.key("env")] + deep, of: object))
        #expect(!CrossObjectRetention.isDropped(podSpec + [.key("serviceAccountName")] + deep, of: object))
        #expect(!CrossObjectRetention.isDropped(container + [.key("name")] + deep, of: object))
        #expect(CrossObjectRetention.isDropped([.key("metadata"), .key("annotations")] + deep, of: object))
        #expect(CrossObjectRetention.isDropped(container + [.key("image")] + deep, of: object))
        #expect(
            !CrossObjectRetention.isDropped(
                [.key("metadata"), .key("annotations"), .key("shipshape.dev/exempt")] + deep, of: object))
        #expect(!CrossObjectRetention.isDropped([.key("metadata"), .key("labels")] + deep, of: object))
        #expect(
            CrossObjectRetention.isDropped(
                [.key("spec"), .key("template"), .key("metadata"), .key("name")] + deep, of: object))
        #expect(
            !CrossObjectRetention.isDropped(
                [.key("spec"), .key("template"), .key("metadata"), .key("labels")] + deep, of: object))
        #expect(!CrossObjectRetention.isDropped(podSpec, of: object) && !CrossObjectRetention.isDropped([], of: object))
    }
}
