import Foundation
import Manifests
import Policy
import Testing

@testable import Kustomize

/// `replacements:`: values copied between objects (outputs compared with kustomize's in
/// Fixtures/examples/replacements), their provenance, and bad input.
@Suite struct ReplacementTests {
    private func origin(_ built: BuiltRoot, kind: String, name: String, _ path: DocumentPath) -> String? {
        let stream = built.generatedManifests()
        guard let index = built.resources.firstIndex(where: { $0.kind == kind && $0.name == name }) else { return nil }
        return stream.origins.origin(document: index, path: path).map {
            "\($0.file.split(separator: "/tree/").last!):\($0.position)"
        }
    }

    @Test func replacedValuesKeepTheLineOfTheirSource() throws {
        let built = try KustomizeBuilder().build(folder: Fixtures.folder + "/examples/replacements/tree/overlay")
        let env = DocumentPath([
            .key("spec"), .key("template"), .key("spec"), .key("containers"), .index(0), .key("env"), .index(0),
            .key("value"),
        ])
        #expect(origin(built, kind: "Deployment", name: "prod-web", env) == "base/config.yaml:8:3")
        #expect(
            origin(built, kind: "Deployment", name: "prod-web", DocumentPath([.key("spec"), .key("replicas")]))
                == "base/config.yaml:10:3")
        #expect(
            origin(
                built, kind: "Service", name: "prod-web",
                DocumentPath([.key("spec"), .key("ports"), .index(0), .key("targetPort")])) == "base/config.yaml:9:3")
        // A copied mapping keeps the lines it was written on.
        let limits = DocumentPath([
            .key("spec"), .key("template"), .key("spec"), .key("containers"), .index(0), .key("resources"),
            .key("limits"), .key("cpu"),
        ])
        #expect(origin(built, kind: "Job", name: "prod-cleanup", limits) == "base/job.yaml:17:13")
    }

    @Test func pathsSplitAsKustomizeSplitsThem() {
        #expect(
            ReplacementPath.split("spec.containers.[name=a.b].image") == ["spec", "containers", "[name=a.b]", "image"])
        #expect(ReplacementPath.split("metadata.annotations.a\\.b/c") == ["metadata", "annotations", "a.b/c"])
        #expect(
            ReplacementPath.split("spec.template.spec.containers.0.args.[=--x]") == [
                "spec", "template", "spec", "containers", "0", "args", "[=--x]",
            ])
    }

    @Test func plainScalarsAreTypedAsGoYAMLTypesThem() {
        for text in ["1", "-3", "0x1F", "0o17", "1_000", "1.5", ".5", "1e3", "true", "null", "~", ".inf"] {
            #expect(!PlainScalar.readsAsString(text), "\(text)")
        }
        for text in ["abc", "1.2.3", "yes", "0x", "2.4.1", "1e", "-", "."] {
            #expect(PlainScalar.readsAsString(text), "\(text)")
        }
    }

    private static let objects = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
        data:
          x: "1"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: b
        data:
          y: "2"
        """

    private func error(_ kustomization: String) -> KustomizeError? {
        buildError(["app/kustomization.yaml": kustomization, "app/r.yaml": Self.objects])
    }

    @Test func badReplacementsSayWhatAndWhere() throws {
        let nothing = error(
            "resources: [r.yaml]\nreplacements:\n- source:\n    kind: Secret\n  targets:\n  - select: {kind: ConfigMap}\n"
        )
        #expect(nothing?.message.contains("matches no object") == true)
        #expect(nothing?.location.map { "\($0.file):\($0.position.line)" } == "app/kustomization.yaml:3")

        let several = error(
            "resources: [r.yaml]\nreplacements:\n- source:\n    kind: ConfigMap\n  targets:\n  - select: {kind: ConfigMap}\n"
        )
        #expect(several?.message.contains("matches 2 objects") == true)

        let missing = error(
            "resources: [r.yaml]\nreplacements:\n- source:\n    name: a\n    fieldPath: data.x\n  targets:\n  - select: {name: b}\n    fieldPaths:\n    - data.x\n"
        )
        #expect(missing?.message == "unable to find field \"data.x\" in replacement target ConfigMap.v1 b")
        #expect(missing?.location.map { "\($0.file):\($0.position.line)" } == "app/kustomization.yaml:9")

        let absentSource = error(
            "resources: [r.yaml]\nreplacements:\n- source:\n    name: a\n    fieldPath: data.nope\n  targets:\n  - select: {name: b}\n"
        )
        #expect(absentSource?.message.contains("fieldPath `data.nope` is missing") == true)

        let both = error("resources: [r.yaml]\nreplacements:\n- path: r.yaml\n  source: {name: a}\n")
        #expect(both?.message == "cannot specify both path and inline replacement")

        let noSelect = error(
            "resources: [r.yaml]\nreplacements:\n- source: {name: a}\n  targets:\n  - fieldPaths: [data.y]\n")
        #expect(noSelect?.message == "target must specify resources to select")

        let outOfBounds = error(
            "resources: [r.yaml]\nreplacements:\n- source: {name: a, fieldPath: data.x, options: {delimiter: '-', index: 3}}\n  targets:\n  - select: {name: b}\n    fieldPaths: [data.y]\n"
        )
        #expect(outOfBounds?.message == "options.index 3 is out of bounds for value 1")
    }

    @Test func replacementsOutsideTheFolderAreRefused() {
        let files = [
            "app/kustomization.yaml": "replacements:\n- path: ../secret.yaml\n", "secret.yaml": "source: {}\n",
        ]
        #expect(throws: KustomizeError.self) {
            try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        }
    }
}
