import Foundation
import Manifests
import Policy
import Testing

@testable import Kustomize

/// Every value of a built object names the file, line and column where it was written.
@Suite struct ProvenanceTests {
    private func build(_ fixture: String) throws -> (BuiltRoot, String) {
        let base = Fixtures.folder + "/examples/" + fixture + "/tree/"
        let root = try Fixtures.text("examples/" + fixture + "/root").trimmingCharacters(in: .whitespacesAndNewlines)
        return (try KustomizeBuilder().build(folder: base + root), base)
    }

    private func origin(_ built: BuiltRoot, kind: String, _ path: DocumentPath) -> String? {
        let stream = built.generatedManifests()
        guard let index = built.resources.firstIndex(where: { $0.kind == kind }) else { return nil }
        return stream.origins.origin(document: index, path: path).map {
            "\($0.file.split(separator: "/tree/").last!):\($0.position)"
        }
    }

    private func containerPath(_ index: Int, _ field: String) -> DocumentPath {
        DocumentPath([.key("spec"), .key("template"), .key("spec"), .key("containers"), .index(index), .key(field)])
    }

    @Test func overlayValuesPointAtTheOverlayLines() throws {
        let (built, _) = try build("overlay-basics")
        let kustomization = "overlays/prod/kustomization.yaml"
        #expect(origin(built, kind: "Deployment", containerPath(0, "image")) == "\(kustomization):12:5")
        #expect(origin(built, kind: "Deployment", containerPath(1, "image")) == "\(kustomization):15:5")
        #expect(
            origin(built, kind: "Deployment", DocumentPath([.key("metadata"), .key("namespace")]))
                == "\(kustomization):3:1")
        #expect(
            origin(built, kind: "Deployment", DocumentPath([.key("spec"), .key("replicas")])) == "\(kustomization):18:5"
        )
        #expect(
            origin(built, kind: "Deployment", DocumentPath([.key("metadata"), .key("labels"), .key("env")]))
                == "\(kustomization):7:3")
        #expect(
            origin(built, kind: "Deployment", DocumentPath([.key("metadata"), .key("annotations"), .key("team")]))
                == "\(kustomization):9:3")
        // Untouched values stay in the base; the object itself is its `kind:` line.
        #expect(origin(built, kind: "Deployment", containerPath(0, "name")) == "base/deployment.yaml:19:11")
        #expect(origin(built, kind: "Deployment", .root) == "base/deployment.yaml:2:1")
        // A field nobody wrote belongs to the nearest written value above it.
        #expect(origin(built, kind: "Deployment", containerPath(0, "resources")) == "base/deployment.yaml:19:11")
    }

    @Test func patchedValuesPointAtThePatch() throws {
        let (built, _) = try build("patches")
        #expect(
            origin(
                built, kind: "Deployment",
                DocumentPath([
                    .key("spec"), .key("template"), .key("spec"), .key("containers"), .index(0),
                    .key("securityContext"), .key("privileged"),
                ])) == "overlay/deployment-patch.yaml:19:13")
        #expect(origin(built, kind: "Deployment", containerPath(0, "image")) == "overlay/kustomization.yaml:11:9")
        #expect(
            origin(built, kind: "Deployment", DocumentPath([.key("spec"), .key("replicas")]))
                == "overlay/json-patch.yaml:3:3")
        #expect(
            origin(built, kind: "Service", DocumentPath([.key("spec"), .key("type")]))
                == "overlay/service-patch.yaml:8:3")
    }

    @Test func generatedValuesPointAtTheirSource() throws {
        let (built, _) = try build("generators")
        let config = try #require(built.resources.firstIndex { $0.name.hasPrefix("staging-app-config") })
        let env = try #require(built.resources.firstIndex { $0.name.hasPrefix("staging-env-config") })
        let stream = built.generatedManifests()
        func at(_ index: Int, _ key: String) -> String? {
            stream.origins.origin(document: index, path: DocumentPath([.key("data"), .key(key)])).map {
                "\($0.file.split(separator: "/tree/").last!):\($0.position)"
            }
        }
        #expect(at(config, "LOG_LEVEL") == "overlay/kustomization.yaml:8:9")
        #expect(at(config, "QUOTED") == "base/kustomization.yaml:10:9")
        #expect(at(env, "DB_PORT") == "base/app.env:4:3")
    }

    @Test func findingsOnABuiltObjectLandOnThePatchLine() throws {
        let (built, _) = try build("patches")
        let configuration = try BundledData.defaultConfiguration()
        let engine = PolicyEngine(
            configuration: configuration, settings: EvaluationSettings(deprecations: try BundledData.deprecations()))
        let report = engine.run(paths: [], generated: [built.generatedManifests()]) { _ in [] }
        let privileged = report.findings.filter { $0.checkID == "runAsPrivileged" }
        #expect(privileged.count == 1)
        #expect(
            privileged.first.map { "\($0.file.split(separator: "/tree/").last!):\($0.position.line)" }
                == "overlay/deployment-patch.yaml:19")
        #expect(privileged.first?.message.contains("built by kustomization") == true)
    }
}

extension ProvenanceTests {
    @Test func aFieldAPatchRemovedBelongsToThePatch() throws {
        let (built, _) = try build("patches")
        #expect(
            origin(
                built, kind: "Deployment",
                DocumentPath([.key("spec"), .key("template"), .key("spec"), .key("tolerations")]))
                == "overlay/kustomization.yaml:24:9")
        let files = [
            "app/kustomization.yaml": "resources:\n  - d.yaml\npatches:\n  - path: p.yaml\n",
            "app/d.yaml":
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          resources:\n            limits: {cpu: 500m, memory: 128Mi}\n",
            "app/p.yaml":
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          resources: null\n",
        ]
        let memory = MemoryFileSystem(files)
        let root = try KustomizeBuilder(fileSystem: memory).build(folder: "app")
        let engine = PolicyEngine(
            configuration: try BundledData.defaultConfiguration(),
            settings: EvaluationSettings(deprecations: try BundledData.deprecations()))
        let report = engine.run(paths: [], generated: [root.generatedManifests()]) { try memory.read($0) }
        let limits = report.findings.filter { $0.checkID == "cpuLimitsMissing" }
        #expect(limits.map { "\($0.file):\($0.position.line)" } == ["app/p.yaml:10"])
    }
}
