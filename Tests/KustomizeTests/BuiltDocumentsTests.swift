import Foundation
import Manifests
import Policy
import Testing

@testable import Kustomize

/// Built objects reach the policy engine as documents built in memory, not as YAML text it
/// parses again: the findings must be exactly those of the written-out text.
@Suite struct BuiltDocumentsTests {
    static let engine = Result {
        PolicyEngine(
            configuration: try BundledData.defaultConfiguration(),
            settings: EvaluationSettings(deprecations: try BundledData.deprecations()))
    }

    @Test(arguments: Fixtures.cases("corpus") + Fixtures.cases("examples"))
    func documentsAreCheckedAsTheirTextWouldBe(_ fixture: String) throws {
        let root = try Fixtures.text(fixture + "/root").trimmingCharacters(in: .whitespacesAndNewlines)
        let tree = Fixtures.folder + "/" + fixture + "/tree"
        let built = try KustomizeBuilder().build(folder: tree + "/" + root)
        let documents = built.generatedManifests()
        #expect(documents.bytes.isEmpty && documents.documents?.count == built.resources.count)
        var text = documents
        text.documents = nil
        text.bytes = Array(built.yaml.utf8)
        let engine = try Self.engine.get()
        func findings(_ stream: GeneratedManifests) -> [String] {
            engine.run(paths: [], generated: [stream]) { _ in [] }.findings.map {
                "\($0.file):\($0.position) \($0.checkID) \($0.message)"
            }
        }
        let (fromDocuments, fromText) = (findings(documents), findings(text))
        #expect(
            fromDocuments == fromText,
            "only from documents: \(fromDocuments.filter { !fromText.contains($0) }); only from text: \(fromText.filter { !fromDocuments.contains($0) })"
        )
    }

    @Test func stylesAndTagsReadAsTheEmitterWritesThem() throws {
        let memory = MemoryFileSystem([
            "k/kustomization.yaml": "resources: [c.yaml]\n",
            "k/c.yaml":
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: yes\n  b: \"80\"\n  c: 80\n  \"<<\": x\n  d: ''\nbinaryData:\n  e: !!binary aGk=\n",
        ])
        let built = try KustomizeBuilder(fileSystem: memory).build(folder: "k")
        let stream = built.generatedManifests()
        let fromDocuments = ManifestReader.read(path: "x", documents: stream.documents ?? []).objects.first?.node
        let fromText = ManifestReader.read(path: "x", text: built.yaml).objects.first?.node
        for key in ["a", "b", "c", "<<", "d"] {
            let one = fromDocuments?["data"]?[key]?.scalar
            let two = fromText?["data"]?[key]?.scalar
            #expect(
                one != nil && one?.text == two?.text && one?.style == two?.style && one?.bool == two?.bool
                    && one?.int == two?.int, "\(key)")
        }
        #expect(fromDocuments?["binaryData"]?["e"]?.scalar?.tag == fromText?["binaryData"]?["e"]?.scalar?.tag)
    }
}
