import Manifests
import Policy
import Testing

@testable import Kustomize

/// Folders that Flux Kustomizations and Argo CD Applications deploy are roots, built as those
/// tools build them.
@Suite struct DeployedRootsTests {
    static let deployment = BuildErrorTests.deployment

    /// A Flux Kustomization of this repository's GitRepository; `spec` holds more of its spec.
    static func flux(_ name: String, path: String, spec: String = "") -> String {
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: \(name)\n  namespace: flux-system\n"
            + "spec:\n  path: \(path)\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n" + spec
    }

    /// An Argo CD Application deploying to namespace `web`; `source` holds its source's fields.
    static func argo(_ name: String, namespace: String? = nil, source: String) -> String {
        "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: \(name)\n"
            + (namespace.map { "  namespace: \($0)\n" } ?? "")
            + "spec:\n  destination:\n    namespace: web\n  source:\n" + source
    }

    static func findings(_ memory: MemoryFileSystem) throws -> (plan: KustomizeCheckPlan, findings: [Finding]) {
        let plan = KustomizeCheckPlan.make(
            files: memory.files.keys.sorted(), builder: KustomizeBuilder(fileSystem: memory))
        let engine = PolicyEngine(
            configuration: try BundledData.defaultConfiguration(),
            settings: EvaluationSettings(deprecations: try BundledData.deprecations()))
        let report = plan.mergingAcrossRoots(
            engine.run(paths: plan.files, generated: plan.generated) { try memory.read($0) })
        return (plan, report.findings)
    }

    /// A plain folder (no kustomization.yaml) named by a Flux Kustomization with `targetNamespace`:
    /// Flux lists its manifests (and a subfolder with a kustomization as such), and every object lands in that namespace.
    @Test func aFluxKustomizationBuildsAPlainFolderInItsTargetNamespace() throws {
        let memory = MemoryFileSystem([
            "repo/clusters/prod/apps.yaml": Self.flux(
                "apps", path: "./apps/web", spec: "  targetNamespace: web-prod\n"),
            "repo/apps/web/deployment.yaml": Self.deployment,
            "repo/apps/web/extra/kustomization.yaml": "resources: [config.yaml]\n",
            "repo/apps/web/extra/config.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n",
            "repo/apps/web/notes.txt": "not a manifest\n",
        ])
        let (plan, findings) = try Self.findings(memory)
        #expect(plan.notes.isEmpty)
        #expect(
            plan.generated.map(\.label) == [
                "built by kustomization repo/apps/web for Flux Kustomization flux-system/apps"
            ])
        #expect(
            !plan.files.contains("repo/apps/web/deployment.yaml") && plan.files.contains("repo/clusters/prod/apps.yaml")
        )
        let onDeployment = findings.filter { $0.file == "repo/apps/web/deployment.yaml" }
        #expect(!onDeployment.isEmpty)
        #expect(onDeployment.allSatisfy { $0.object?.namespace == "web-prod" })
        let settings = findings.compactMap(\.object).filter { $0.name == "settings" }
        #expect(settings.allSatisfy { $0.namespace == "web-prod" })
        let root = try KustomizeBuilder(fileSystem: memory).build(
            folder: "repo/apps/web",
            deployer: RootDeployers(files: memory.files.keys.sorted())
                .deployers { try memory.read($0) }[0])
        #expect(root.resources.map(\.name) == ["web", "settings"])
        // The namespace was written on the targetNamespace line.
        #expect(
            root.resources[0].node[path: "metadata", "namespace"]?.origin?.description
                == "repo/clusters/prod/apps.yaml:11:20")
    }

    /// An Argo CD Application pointing at an overlay: the overlay is built with the Application's
    /// kustomize block, and findings name the Application.
    @Test func anArgoApplicationBuildsTheOverlayItPointsAt() throws {
        let memory = MemoryFileSystem([
            "argocd/web.yaml": Self.argo(
                "web", namespace: "argocd",
                source: """
                        repoURL: https://github.com/example/gitops.git
                        path: overlays/prod
                        kustomize:
                          namePrefix: prod-

                    """),
            "base/kustomization.yaml": "resources: [deployment.yaml]\n",
            "base/deployment.yaml": Self.deployment,
            "overlays/prod/kustomization.yaml": "resources: [../../base]\nnamespace: prod\n",
        ])
        let (plan, findings) = try Self.findings(memory)
        #expect(plan.notes.isEmpty)
        #expect(
            plan.generated.map(\.label) == ["built by kustomization overlays/prod for Argo CD Application argocd/web"])
        let latest = findings.filter { $0.checkID == "tagNotSpecified" }
        #expect(latest.map { "\($0.file):\($0.position.line)" } == ["base/deployment.yaml:10"])
        #expect(latest.first?.object?.name == "prod-web" && latest.first?.object?.namespace == "prod")
        #expect(
            latest.first?.message.contains("(built by kustomization overlays/prod for Argo CD Application argocd/web, ")
                == true)
    }

    /// A directory source (not recursed): its manifests as they are, landing in the Application's destination namespace.
    @Test func anArgoDirectorySourceLandsInTheDestinationNamespace() throws {
        let memory = MemoryFileSystem([
            "apps/web.yaml": Self.argo("web", source: "    path: manifests/web\n"),
            "manifests/web/deployment.yaml": Self.deployment,
            "manifests/web/nested/ignored.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nested\n",
        ])
        let (plan, findings) = try Self.findings(memory)
        #expect(plan.generated.count == 1)
        #expect(plan.files.contains("manifests/web/nested/ignored.yaml"))
        #expect(!plan.files.contains("manifests/web/deployment.yaml"))
        #expect(plan.generated.first?.namespace == "web")
        #expect(
            findings.contains {
                $0.file == "manifests/web/deployment.yaml"
                    && $0.message.hasSuffix("for Argo CD Application web, manifests/web/deployment.yaml)")
            })
    }

    /// A field the tool applies and Shipshape does not refuses the root with a note naming its
    /// line; a path that names no folder of the tree (another repository) is left alone.
    @Test func unbuiltFieldsRefuseTheRootAndForeignPathsAreLeftAlone() throws {
        let memory = MemoryFileSystem([
            "flux/apps.yaml": Self.flux(
                "apps", path: "./apps", spec: "  images:\n    - name: nginx\n      newTag: latest\n")
                + "---\n" + Self.flux("elsewhere", path: "./not/here"),
            "apps/deployment.yaml": Self.deployment,
        ])
        let plan = KustomizeCheckPlan.make(
            files: memory.files.keys.sorted(), builder: KustomizeBuilder(fileSystem: memory))
        #expect(plan.generated.isEmpty)
        #expect(plan.files.contains("apps/deployment.yaml"))
        #expect(plan.notes.count == 1)
        #expect(plan.notes.first?.contains("flux/apps.yaml:12:5") == true)
        #expect(plan.notes.first?.contains("images") == true)
    }

    /// Flux `patches` are added to the kustomization's own: a value a patch sets is placed on
    /// its line in the Flux Kustomization's file.
    @Test func fluxPatchesAreAppliedWithTheirLines() throws {
        let memory = MemoryFileSystem([
            "flux/apps.yaml": Self.flux(
                "apps", path: "./apps",
                spec: """
                      patches:
                        - target:
                            kind: Deployment
                          patch: |
                            - op: add
                              path: /spec/template/spec/hostNetwork
                              value: true

                    """),
            "apps/kustomization.yaml": "resources: [deployment.yaml]\n",
            "apps/deployment.yaml": Self.deployment,
        ])
        let (plan, findings) = try Self.findings(memory)
        #expect(plan.notes.isEmpty, "\(plan.notes)")
        let hostNetwork = findings.filter { $0.checkID == "hostNetworkSet" }
        #expect(hostNetwork.map { "\($0.file):\($0.position.line)" } == ["flux/apps.yaml:17"])
    }
}
