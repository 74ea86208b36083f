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
}
