import Manifests
import Testing

/// A key written twice in one mapping: every lookup sees the last value, as Kubernetes' decoders
/// do, and the repeats are listed for the `duplicateKey` check.
@Suite struct DuplicateKeyTests {
    @Test func lookupsSeeTheLastValue() throws {
        let root = try #require(
            YAMLParser.parse(
                """
                securityContext:
                  privileged: false
                  runAsUser: 0
                  privileged: true
                """
            ).documents.first?.root)
        let context = try #require(root["securityContext"])
        #expect(context["privileged"]?.bool == true)
        #expect(context.entry("privileged")?.key.start.line == 4)
        #expect(
            context.entries?.map(\.keyText) == ["runAsUser", "privileged"],
            "entries list a repeated key once, where it counts")
        #expect(context.entries?.last?.value.bool == true)
        #expect(context.entriesAsWritten?.count == 3)
    }

    @Test func aRepeatedKeyInAFlowMappingOrQuotedCountsToo() throws {
        let root = try #require(
            YAMLParser.parse(
                """
                labels: {app: a, "app": b}
                big: {k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9, k10: 10, k11: 11, k12: 12, k13: 13, k14: 14, k15: 15, k16: 16, k3: last}
                """
            ).documents.first?.root)
        #expect(root["labels", "app"]?.string == "b")
        #expect(root["labels"]?.stringMap == ["app": "b"])
        #expect(
            root["big", "k3"]?.string == "last", "large mappings are compared through a table, with the same result")
        #expect(root["big"]?.entries?.count == 17)
    }

    @Test func duplicatesAreListedWithPositionsAndPaths() throws {
        let root = try #require(
            YAMLParser.parse(
                """
                spec:
                  containers:
                    - name: app
                      securityContext:
                        privileged: false
                        privileged: true
                metadata: {name: x, name: y}
                """
            ).documents.first?.root)
        let duplicates = root.duplicateKeys
        #expect(duplicates.map(\.key) == ["privileged", "name"])
        #expect(duplicates.map(\.position.line) == [6, 7])
        #expect(duplicates.first?.earlier.line == 5)
        #expect(
            duplicates.map(\.path.description) == ["spec.containers[0].securityContext.privileged", "metadata.name"])
    }

    @Test func aMergeKeyOverriddenByTheMappingIsNotADuplicate() throws {
        let root = try #require(
            YAMLParser.parse(
                """
                base: &base {cpu: 100m, memory: 64Mi, memory: 96Mi}
                merged:
                  <<: *base
                  cpu: 200m
                aliased: *base
                """
            ).documents.first?.root)
        #expect(root["merged", "cpu"]?.string == "200m")
        #expect(
            root["merged", "memory"]?.string == "96Mi", "a merged mapping's repeated key merges with its last value")
        #expect(root["aliased", "memory"]?.string == "96Mi")
        #expect(
            root.duplicateKeys.map(\.position.line) == [1],
            "an aliased mapping's repeat is reported once, where it is written")
    }

    @Test func aDocumentWithoutRepeatsHasNone() throws {
        let root = try #require(YAMLParser.parse("a: {b: 1}\nc: [ {b: 1}, {b: 2} ]\n").documents.first?.root)
        #expect(root.duplicateKeys.isEmpty)
    }
}
