import Foundation
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Upgrades

@Suite struct ChartComparisonTests {
    static func compareFixtures(kubernetes: String) throws -> ChartComparison {
        let old = try ChartContents.unpack(ChartComparisonFixtures.version1.archive())
        let new = try ChartContents.unpack(ChartComparisonFixtures.version2.archive())
        return ChartComparison.compare(
            old: old, new: new, deprecations: try BundledData.deprecations(),
            kubernetesVersion: try #require(ReleaseVersion(kubernetes)))
    }

    @Test func findsAddedAndRemovedCRDsIncludingOnesInTemplates() throws {
        let comparison = try Self.compareFixtures(kubernetes: "1.25")
        #expect(comparison.crdsAdded == ["sprockets.example.io"])
        #expect(comparison.crdsRemoved == ["gadgets.example.io"])
    }

    @Test func findsDefaultValuesAddedRemovedAndChanged() throws {
        let comparison = try Self.compareFixtures(kubernetes: "1.25")
        #expect(comparison.valuesAdded == ["metrics.enabled", #"podAnnotations.prometheus\.io/scrape"#])
        #expect(comparison.valuesRemoved == ["legacy.enabled", "podAnnotations"])
        #expect(
            comparison.valuesChanged.map { "\($0.key): \($0.old) -> \($0.new)" } == [
                #"args: ["--verbose", "--port=8080"] -> ["--verbose", "--port=9090"]"#,
                "image.tag: 1.0.0 -> 2.0.0",
            ])
    }

    @Test func findsRemovedAPIsInTemplatesAndCRDsWithFileAndLine() throws {
        let comparison = try Self.compareFixtures(kubernetes: "1.25")
        #expect(
            comparison.deprecatedAPIs.map { "\($0.file):\($0.line) \($0.apiVersion) \($0.kind)" } == [
                "crds/widgets.yaml:1 apiextensions.k8s.io/v1beta1 CustomResourceDefinition",
                "templates/ingress.yaml:6 extensions/v1beta1 Ingress",
                "templates/pdb.yaml:2 policy/v1beta1 PodDisruptionBudget",
            ])
        let pdb = try #require(comparison.deprecatedAPIs.last)
        #expect(pdb.status == .removed)
        #expect(pdb.replacement == "policy/v1")
        #expect(pdb.removedIn == ReleaseVersion("1.25"))
        #expect(pdb.deprecatedIn == ReleaseVersion("1.21"))
        #expect(pdb.target == ReleaseVersion("1.25"))
    }

    struct StatusCase: CustomTestStringConvertible, Sendable {
        let kubernetes: String
        /// "file status" for each use, in order.
        let expected: [String]
        var testDescription: String { "Kubernetes \(kubernetes)" }
    }

    @Test(arguments: [
        StatusCase(kubernetes: "1.15", expected: ["templates/ingress.yaml deprecated"]),
        StatusCase(
            kubernetes: "1.21",
            expected: [
                "crds/widgets.yaml deprecated", "templates/ingress.yaml deprecated", "templates/pdb.yaml deprecated",
            ]),
        StatusCase(
            kubernetes: "1.24",
            expected: ["crds/widgets.yaml removed", "templates/ingress.yaml removed", "templates/pdb.yaml deprecated"]),
    ])
    func judgesAtTheConfiguredKubernetesVersion(_ statusCase: StatusCase) throws {
        let comparison = try Self.compareFixtures(kubernetes: statusCase.kubernetes)
        #expect(comparison.deprecatedAPIs.map { "\($0.file) \($0.status)" } == statusCase.expected)
    }

    @Test func reportsCapabilityAlternativesOnlyWhenNoneIsCurrent() throws {
        let template = """
            {{- if .Capabilities.APIVersions.Has "networking.k8s.io/v1beta1/Ingress" }}
            apiVersion: networking.k8s.io/v1beta1
            {{- else }}
            apiVersion: extensions/v1beta1
            {{- end }}
            kind: Ingress
            """
        let chart = ChartContents(name: "demo", version: "1.0.0", templates: ["templates/ingress.yaml": template])
        let comparison = ChartComparison.compare(
            old: chart, new: chart, deprecations: try BundledData.deprecations(),
            kubernetesVersion: try #require(ReleaseVersion("1.22")))
        #expect(
            comparison.deprecatedAPIs.map { "\($0.line) \($0.apiVersion) \($0.status)" } == [
                "2 networking.k8s.io/v1beta1 removed", "4 extensions/v1beta1 removed",
            ])
    }

    @Test func readsACRDInATemplateOnce() throws {
        let chart = try ChartContents.unpack(
            ChartComparisonFixtures.tarball([
                "demo/Chart.yaml": "name: demo\nversion: 1.0.0\n",
                "demo/templates/crds.yaml": "{{- if .Values.installCRDs }}\n"
                    + ChartComparisonFixtures.crd("widgets.example.io", apiVersion: "apiextensions.k8s.io/v1beta1")
                    + "{{- end }}\n",
            ]))
        #expect(chart.crds.keys.sorted() == ["templates/crds.yaml#1"])
        let comparison = ChartComparison.compare(
            old: chart, new: chart, deprecations: try BundledData.deprecations(),
            kubernetesVersion: try #require(ReleaseVersion("1.22")))
        #expect(comparison.deprecatedAPIs.map { "\($0.file):\($0.line)" } == ["templates/crds.yaml:2"])
    }

    @Test func identicalChartsCompareEmpty() throws {
        let chart = try ChartContents.unpack(ChartComparisonFixtures.version1.archive())
        let comparison = ChartComparison.compare(
            old: chart, new: chart, deprecations: try BundledData.deprecations(),
            kubernetesVersion: try #require(ReleaseVersion("1.30")))
        #expect(comparison.isEmpty)
        #expect(comparison.markdown(oldVersion: "1.0.0", newVersion: "1.0.0") == "")
    }

    @Test func tellsQuotedFromBareValuesAndCutsLongOnes() throws {
        let longList = (1...30).map { "item\($0)" }
        let old = ChartContents(name: "demo", version: "1", values: "tag: \"1.0\"\nlist: [a]\nname: web\n")
        let new = ChartContents(
            name: "demo", version: "2", values: "tag: 1.0\nlist: [\(longList.joined(separator: ", "))]\nname: 'web'\n")
        let comparison = ChartComparison.compare(
            old: old, new: new, deprecations: try BundledData.deprecations(),
            kubernetesVersion: try #require(ReleaseVersion("1.30")))
        let changes = comparison.valuesChanged
        #expect(changes.map(\.key) == ["list", "tag"])
        #expect(changes.first?.new.count == 60)
        #expect(changes.first?.new.hasPrefix("[item1, item2, ") == true)
        #expect(changes.first?.new.hasSuffix("…") == true)
        #expect(changes.last.map { "\($0.old) -> \($0.new)" } == #""1.0" -> 1.0"#)
    }

    @Test func skipsValuesWhenAValuesFileIsNotYAML() throws {
        let old = ChartContents(name: "demo", version: "1", values: "replicaCount: 1\n")
        let new = ChartContents(name: "demo", version: "2", values: "replicaCount: [1\n")
        let comparison = ChartComparison.compare(
            old: old, new: new, deprecations: try BundledData.deprecations(),
            kubernetesVersion: try #require(ReleaseVersion("1.30")))
        #expect(comparison.isEmpty)
    }
}
