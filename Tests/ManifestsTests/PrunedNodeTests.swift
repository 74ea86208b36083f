import Testing

@testable import Manifests

/// A pruned copy of a node: the entries named are gone with what is under them, the rest reads
/// and anchors as in the original.
@Suite struct PrunedNodeTests {
    @Test func droppedEntriesGoAndTheRestKeepsItsPositions() throws {
        let text = """
            kind: Deployment
            spec:
              containers:
                - name: app
                  image: nginx  # a comment
                  env: [{name: A, value: "1"}]
                - name: sidecar
              hostNetwork: !!bool true

            """
        let root = try #require(YAMLParser.parse(bytes: Array(text.utf8)).documents.first?.root)
        let pruned = root.pruned { path in
            guard path.count == 4, case .key(let key) = path[3] else { return false }
            return key != "name"
        }
        let containers = try #require(pruned["spec", "containers"]?.items)
        #expect(containers.count == 2)
        #expect(containers.map { $0["name"]?.string } == ["app", "sidecar"])
        #expect(containers[0]["image"] == nil && containers[0]["env"] == nil)
        #expect(containers[1]["name"]?.start == root["spec", "containers"]?.items?[1]["name"]?.start)
        #expect(
            pruned["spec", "hostNetwork"]?.scalar?.tag == root["spec", "hostNetwork"]?.scalar?.tag
                && pruned["spec", "hostNetwork"]?.scalar?.tag != nil)
        #expect(pruned["spec", "hostNetwork"]?.start == root["spec", "hostNetwork"]?.start)
        #expect(pruned.entry("kind")?.key.start == root.entry("kind")?.key.start)
        #expect(pruned["kind"]?.string == "Deployment")
    }
}
