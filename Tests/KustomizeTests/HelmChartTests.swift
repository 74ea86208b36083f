import Foundation
import HelmKit
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Kustomize

/// `helmCharts` rendered by the real Helm engine (libhelm_c, in this process) inside the build.
/// kubectl's `--enable-helm` needs a `helm` binary, which this machine has not: the objects are
/// compared with the same engine's own output for the same chart and values.
@Suite struct HelmChartTests {
    struct InProcess: ChartInflater {
        let renderer: InProcessChartRenderer

        func inflate(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws
            -> [InflatedTemplate]
        {
            try renderer.render(
                chartFolder: chartFolder, valuesJSON: valuesJSON, release: release, namespace: namespace
            )
            .map { InflatedTemplate(template: $0.template, manifest: $0.manifest) }
        }
    }

    static let engine = Result {
        InProcessChartRenderer(library: try HelmLibrary(path: HelmLibraryLocator.locate().get()))
    }

    /// A folder holding podinfo under `charts/` and the given files.
    private func tree(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appending(path: "helmcharts-\(UUID().uuidString)/app").path
        try FileManager.default.createDirectory(atPath: folder + "/charts", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: ChartFolderArchive.shared("podinfo-6.14.1").path, toPath: folder + "/charts/podinfo")
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func chartsAloneBuildWhatTheEngineRenders() throws {
        let renderer = try Self.engine.get()
        let folder = try tree([
            "kustomization.yaml":
                "helmCharts:\n- name: podinfo\n  releaseName: front\n  namespace: web\n  valuesInline:\n    replicaCount: 3\n  skipTests: true\n"
        ])
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let built = try KustomizeBuilder(charts: InProcess(renderer: renderer)).build(folder: folder)
        #expect(built.notes.isEmpty)
        let direct = try renderer.render(
            chartFolder: folder + "/charts/podinfo", valuesJSON: "{\"replicaCount\":3}", release: "front",
            namespace: "web"
        )
        .filter { !$0.template.contains("/tests/") && !$0.template.hasSuffix("NOTES.txt") }.map(\.manifest).joined(
            separator: "\n---\n")
        let expected = YAMLData.objects(direct)
        let actual = YAMLData.objects(built.yaml)
        #expect(!expected.isEmpty)
        #expect(Set(actual.keys) == Set(expected.keys))
        for (key, object) in expected {
            guard let mine = actual[key] else { continue }
            #expect(YAMLData.difference(object, mine) == nil, "\(key): \(YAMLData.difference(object, mine) ?? "")")
        }
    }

    @Test func theKustomizationTransformsTheChartsObjectsAndTheirValuesPointAtTheirLines() throws {
        let folder = try tree([
            "kustomization.yaml": """
            namespace: shop
            helmCharts:
            - name: podinfo
              releaseName: front
              valuesFile: values-prod.yaml
              valuesInline:
                securityContext:
                  privileged: true
            patches:
            - target:
                kind: Deployment
              patch: |
                - op: add
                  path: /spec/template/spec/hostNetwork
                  value: true
            """,
            "values-prod.yaml": "replicaCount: 4\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let built = try KustomizeBuilder(charts: InProcess(renderer: try Self.engine.get())).build(folder: folder)
        #expect(built.notes.isEmpty)
        #expect(built.resources.allSatisfy { $0.namespace == "shop" })
        let deployment = try #require(built.resources.first { $0.kind == "Deployment" })
        #expect(deployment.node[path: "spec", "replicas"]?.string == "4")
        #expect(deployment.node[path: "spec", "template", "spec", "hostNetwork"]?.string == "true")
        let container = try #require(deployment.node[path: "spec", "template", "spec", "containers"]?.items?.first)
        #expect(container[path: "securityContext", "privileged"]?.string == "true")
        // A value written once in the values, under the same key, lands on its line; the chart's
        // other values on the helmCharts entry (replicas is not replicaCount); the patch's on the patch.
        func place(_ node: Node?) -> String? {
            node?.origin.map { "\(($0.file as NSString).lastPathComponent):\($0.position.line)" }
        }
        #expect(place(container[path: "securityContext", "privileged"]) == "kustomization.yaml:8")
        #expect(place(deployment.node[path: "spec", "replicas"]) == "kustomization.yaml:3")
        #expect(deployment.node[path: "spec", "template", "spec", "hostNetwork"]?.origin?.position.line == 15)
        // Test pods are rendered unless skipTests.
        #expect(built.resources.contains { $0.kind == "Pod" })
        #expect(built.files.contains(folder + "/values-prod.yaml"))
    }

    @Test func withoutAnEngineOrAChartTheRootIsRefusedOrFailsWithItsLine() throws {
        let files = [
            "app/kustomization.yaml":
                "helmCharts:\n- name: podinfo\n  repo: https://stefanprodan.github.io/podinfo\n  version: 6.14.1\n",
            "other/kustomization.yaml": "helmCharts:\n- name: missing\n",
        ]
        let refused = try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        #expect(refused.notes.map(\.feature) == ["helmCharts"])
        struct Never: ChartInflater {
            func inflate(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws
                -> [InflatedTemplate]
            { [] }
        }
        // A chart to pull is named, not pulled.
        let pull = try KustomizeBuilder(fileSystem: MemoryFileSystem(files), charts: Never()).build(folder: "app")
        #expect(pull.notes.map(\.feature) == ["helmCharts pull"])
        #expect(pull.notes.first?.location?.position.line == 2)
        #expect {
            try KustomizeBuilder(fileSystem: MemoryFileSystem(files), charts: Never()).build(folder: "other")
        } throws: { error in
            (error as? KustomizeError)?.description
                == "other/kustomization.yaml:2:3: no repo specified for pull, no chart found at 'other/charts/missing'"
        }
    }

    @Test func valuesBecomeJSONTypedAsYAMLTypesThem() throws {
        let node = try Node.copy(
            try #require(
                YAMLParser.parse("a: 1\nb: \"1\"\nc: true\nd: [x, 1.5, null]\ne: {f: 0x10}\n").documents.first?.root),
            file: "v")
        #expect(node.jsonText == #"{"a":1,"b":"1","c":true,"d":["x",1.5,null],"e":{"f":16}}"#)
    }

    /// A chart with a CRD in `crds/`, a ConfigMap and a pre-install hook, beside `kustomization`.
    private func hookedChart(_ kustomization: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appending(path: "helmopts-\(UUID().uuidString)/app").path
        let files = [
            "charts/widgets/Chart.yaml": "apiVersion: v2\nname: widgets\nversion: 0.1.0\n",
            "charts/widgets/crds/widget.yaml":
                "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n",
            "charts/widgets/templates/cm.yaml":
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-settings\n  namespace: {{ .Release.Namespace }}\n",
            "charts/widgets/templates/hook.yaml":
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {{ .Release.Name }}-migrate\n  annotations:\n    helm.sh/hook: pre-install\n",
            "kustomization.yaml": kustomization,
        ]
        for (name, text) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func includeCRDsSkipHooksNameTemplateAndNamespaceAsHelmTemplateTakesThem() throws {
        let engine = InProcess(renderer: try Self.engine.get())
        let plain = try hookedChart("helmCharts:\n- name: widgets\n  releaseName: one\n")
        let options = try hookedChart(
            "helmCharts:\n- name: widgets\n  nameTemplate: two\n  namespace: tools\n  includeCRDs: true\n  skipHooks: true\n"
        )
        defer {
            for folder in [plain, options] {
                try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent)
            }
        }
        // By default: no CRD (helm template leaves crds/ out), the hook in.
        let built = try KustomizeBuilder(charts: engine).build(folder: plain)
        #expect(built.notes.isEmpty)
        #expect(
            built.resources.map { "\($0.kind) \($0.name)" }.sorted() == ["ConfigMap one-settings", "Job one-migrate"])
        // includeCRDs puts crds/ first; skipHooks leaves the hook out; nameTemplate names the release.
        let chosen = try KustomizeBuilder(charts: engine).build(folder: options)
        #expect(chosen.notes.isEmpty)
        #expect(
            chosen.resources.map { "\($0.kind) \($0.name)" } == [
                "CustomResourceDefinition widgets.example.com", "ConfigMap two-settings",
            ])
        #expect(chosen.resources.last?.namespace == "tools")
    }

    @Test func optionsHelmKitCannotRenderAreNamedAndContradictionsRefused() throws {
        let engine = InProcess(renderer: try Self.engine.get())
        let versions = try hookedChart("helmCharts:\n- name: widgets\n  releaseName: one\n  kubeVersion: '1.29'\n")
        let templated = try hookedChart("helmCharts:\n- name: widgets\n  nameTemplate: '{{ randAlpha 5 }}'\n")
        let both = try hookedChart("helmCharts:\n- name: widgets\n  releaseName: one\n  nameTemplate: two\n")
        defer {
            for folder in [versions, templated, both] {
                try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent)
            }
        }
        let refused = try KustomizeBuilder(charts: engine).build(folder: versions)
        #expect(refused.notes.map(\.feature) == ["helmCharts kubeVersion"])
        #expect(refused.notes.first?.location?.position.line == 4)
        #expect(
            try KustomizeBuilder(charts: engine).build(folder: templated).notes.map(\.feature) == [
                "helmCharts nameTemplate"
            ])
        #expect {
            try KustomizeBuilder(charts: engine).build(folder: both)
        } throws: { error in
            (error as? KustomizeError)?.description.hasSuffix(
                "kustomization.yaml:4:3: helmCharts widgets: cannot set nameTemplate and also releaseName (Helm refuses both)"
            )
                == true
        }
    }
}
