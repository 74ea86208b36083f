import Manifests
import Policy
import Testing

@testable import Kustomize

/// `shipshape check` builds kustomization roots and checks their objects instead of their files.
@Suite struct CheckPlanTests {
    @Test func rootsAreBuiltAndTheirFilesNotCheckedAlone() throws {
        let files = try ManifestWalker.files(under: [Fixtures.folder + "/examples/patches/tree"])
        let plan = KustomizeCheckPlan.make(files: files)
        #expect(plan.generated.count == 1)
        #expect(plan.notes.isEmpty)
        // Patches and base documents are represented by the built objects; kustomization files stay.
        #expect(plan.files.map { BuildPath.base(of: $0) }.sorted() == ["kustomization.yaml", "kustomization.yaml"])
    }

    @Test func refusedAndBrokenRootsFallBackToTheirFiles() throws {
        let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
        let memory = MemoryFileSystem([
            "charts/kustomization.yaml": "resources:\n  - d.yaml\nhelmCharts:\n  - name: podinfo\n",
            "charts/d.yaml": deployment,
            "broken/kustomization.yaml": "resources:\n  - missing.yaml\n",
            "plain/d.yaml": deployment,
        ])
        let plan = KustomizeCheckPlan.make(
            files: memory.files.keys.sorted(), builder: KustomizeBuilder(fileSystem: memory))
        #expect(plan.generated.isEmpty)
        #expect(Set(plan.files) == Set(memory.files.keys))
        #expect(plan.notes.count == 2)
        #expect(plan.notes.contains { $0.contains("charts/kustomization.yaml:3") && $0.contains("helmCharts") })
        #expect(plan.notes.contains { $0.contains("broken/kustomization.yaml:2:5") && $0.contains("missing.yaml") })
    }

    @Test func includedFoldersAreNotRoots() throws {
        let memory = MemoryFileSystem([
            "base/kustomization.yaml": "resources:\n  - d.yaml\n",
            "base/d.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
            "prod/kustomization.yaml": "resources:\n  - ../base\nnamePrefix: prod-\n",
            "staging/kustomization.yaml": "resources:\n  - ../base\nnamePrefix: staging-\n",
        ])
        let plan = KustomizeCheckPlan.make(
            files: memory.files.keys.sorted(), builder: KustomizeBuilder(fileSystem: memory))
        #expect(
            plan.generated.map(\.label).sorted() == ["built by kustomization prod", "built by kustomization staging"])
        #expect(!plan.files.contains("base/d.yaml"))
    }
}

extension CheckPlanTests {
    /// In namespaces of their own, or the same object twice (two clusters): either way one finding naming both.
    /// Also with each root built again when checked (`deferringObjects`, as `check` does).
    @Test(arguments: [true, false], [false, true])
    func aBaseBuiltByTwoOverlaysReportsEachLineOnce(ownNamespaces: Bool, deferring: Bool) throws {
        let memory = MemoryFileSystem([
            "base/kustomization.yaml": "resources:\n  - d.yaml\n",
            "base/d.yaml":
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n",
            "prod/kustomization.yaml": "resources:\n  - ../base\n" + (ownNamespaces ? "namespace: prod\n" : ""),
            "staging/kustomization.yaml": "resources:\n  - ../base\n" + (ownNamespaces ? "namespace: staging\n" : ""),
        ])
        let plan = KustomizeCheckPlan.make(
            files: memory.files.keys.sorted(), builder: KustomizeBuilder(fileSystem: memory),
            deferringObjects: deferring)
        #expect(deferring ? plan.generated.isEmpty && plan.deferred.entries.count == 2 : plan.generated.count == 2)
        let engine = PolicyEngine(
            configuration: try BundledData.defaultConfiguration(),
            settings: EvaluationSettings(deprecations: try BundledData.deprecations()))
        let report = plan.mergingAcrossRoots(
            engine.run(paths: [], generated: plan.generated, deferred: plan.deferred) { path in try memory.read(path) })
        let latest = report.findings.filter { $0.checkID == "tagNotSpecified" }
        #expect(latest.count == 1)
        #expect(latest.first.map { "\($0.file):\($0.position.line)" } == "base/d.yaml:10")
        #expect(latest.first?.message.hasSuffix("(built by kustomizations prod, staging, base/d.yaml)") == true)
    }
}

extension CheckPlanTests {
    @Test func ignoredKustomizationsAreNotBuilt() throws {
        let memory = MemoryFileSystem([
            "dev/kustomization.yaml": "resources:\n  - d.yaml\n",
            "dev/d.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
        ])
        let plan = KustomizeCheckPlan.make(
            files: memory.files.keys.sorted(), builder: KustomizeBuilder(fileSystem: memory),
            isIgnored: { $0.hasPrefix("dev/") })
        #expect(plan.generated.isEmpty)
        #expect(Set(plan.files) == Set(memory.files.keys))
    }
}

extension CheckPlanTests {
    @Test func filesReadOnlyAsPatchesAreKnown() throws {
        let configMap = { (name: String) in "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n" }
        let memory = MemoryFileSystem([
            "base/kustomization.yaml": "resources: [d.yaml]\n", "base/d.yaml": configMap("c"),
            "prod/kustomization.yaml": "resources: [../base, extra.yaml]\npatches: [{path: patch.yaml}]\n",
            "prod/extra.yaml": configMap("e"), "prod/patch.yaml": configMap("c") + "data:\n  a: b\n",
        ])
        let plan = KustomizeCheckPlan.make(
            files: memory.files.keys.sorted(), builder: KustomizeBuilder(fileSystem: memory))
        #expect(plan.patchFiles == ["prod/patch.yaml"])
        #expect(plan.isPatch("./prod/patch.yaml"))
        #expect(
            !plan.isPatch("prod/extra.yaml") && !plan.isPatch("base/d.yaml") && !plan.isPatch("prod/kustomization.yaml")
        )
    }
}
