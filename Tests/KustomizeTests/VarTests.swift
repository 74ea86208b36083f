import Foundation
import Manifests
import Policy
import Testing

@testable import Kustomize

/// Legacy `vars:` (outputs compared with kustomize's in Fixtures/examples/vars): where the
/// replaced values come from, and bad input.
@Suite struct VarTests {
    @Test func replacedValuesKeepTheLineOfTheVarsField() throws {
        let built = try KustomizeBuilder().build(folder: Fixtures.folder + "/examples/vars/tree/overlay")
        let stream = built.generatedManifests()
        let index = try #require(built.resources.firstIndex { $0.kind == "Deployment" })
        func origin(_ path: DocumentPath) -> String? {
            stream.origins.origin(document: index, path: path).map {
                "\($0.file.split(separator: "/tree/").last!):\($0.position)"
            }
        }
        let container = [
            DocumentPath.Component.key("spec"), .key("template"), .key("spec"), .key("containers"), .index(0),
        ]
        // `value: $(PORT)` is the Service's port, typed and placed as written there.
        #expect(origin(DocumentPath(container + [.key("env"), .index(0), .key("value")])) == "base/app.yaml:7:5")
        // `--peer=$(SERVICE).$(NAMESPACE).svc`: the last var replaced (the overlay's namespace line).
        #expect(origin(DocumentPath(container + [.key("command"), .index(2)])) == "overlay/kustomization.yaml:2:1")
        #expect(origin(DocumentPath(container + [.key("env"), .index(2), .key("value")])) == "base/app.yaml:32:11")
    }

    private func error(_ kustomization: String) -> KustomizeError? {
        buildError([
            "app/kustomization.yaml": kustomization,
            "app/r.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n",
        ])
    }

    @Test func badVarsSayWhatAndWhere() {
        // Without apiVersion no built-in object matches, as in kustomize.
        let unmatched = error("resources: [r.yaml]\nvars:\n- name: A\n  objref: {kind: Service, name: web}\n")
        #expect(unmatched?.message.contains("cannot be mapped to a field") == true)
        #expect(unmatched?.location.map { "\($0.file):\($0.position.line)" } == "app/kustomization.yaml:3")

        let twice = error(
            "resources: [r.yaml]\nvars:\n- name: A\n  objref: {apiVersion: v1, kind: Service, name: web}\n- name: A\n  objref: {apiVersion: v1, kind: Service, name: web}\n"
        )
        #expect(twice?.message.hasPrefix("var 'A' already encountered") == true)

        let noField = error(
            "resources: [r.yaml]\nvars:\n- name: A\n  objref: {apiVersion: v1, kind: Service, name: web}\n  fieldref: {fieldpath: spec.clusterIP}\n"
        )
        #expect(noField?.message.contains("not found in Service.v1 web") == true)

        #expect(
            error("resources: [r.yaml]\nvars:\n- name: A\n  objref: {apiVersion: v1, kind: Service, name: web}\n")
                == nil)
    }
}
