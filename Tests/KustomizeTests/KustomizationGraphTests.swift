import Testing

@testable import Kustomize

/// Which roots may read a file, known from the kustomization files alone (what a review uses to
/// decide which roots to build).
@Suite struct KustomizationGraphTests {
    static func links(_ text: String, _ file: String) -> KustomizationGraph.Links? {
        KustomizationGraph.Links(file: file, bytes: Array(text.utf8))
    }

    static let graph = KustomizationGraph(kustomizations: [
        "base/kustomization.yaml": links(
            "resources:\n  - app.yaml\ncomponents:\n  - ../components/tls\n", "base/kustomization.yaml"),
        "components/tls/kustomization.yaml": links(
            "kind: Component\npatches:\n  - path: tls.yaml\n", "components/tls/kustomization.yaml"),
        "overlays/prod/kustomization.yaml": links(
            "resources:\n  - ../../base\n  - https://github.com/example/x//y?ref=v1\n",
            "overlays/prod/kustomization.yaml"),
        "overlays/dev/kustomization.yaml": links("resources:\n  - ../../base\n", "overlays/dev/kustomization.yaml"),
        "lonely/kustomization.yaml": links("resources: [a.yaml]\n", "lonely/kustomization.yaml"),
        "broken/kustomization.yaml": links("resources: [\n", "broken/kustomization.yaml"),
        "apps/report/kustomization.yaml": links(
            "helmGlobals:\n  chartHome: ../../shared-charts\nhelmCharts:\n  - name: report\n",
            "apps/report/kustomization.yaml"),
    ])

    @Test func rootsAreTheFoldersNothingIncludes() {
        #expect(Self.graph.roots == ["apps/report", "broken", "lonely", "overlays/dev", "overlays/prod"])
        #expect(
            Self.links("resources: [\n", "k/kustomization.yaml") == nil,
            "an unreadable kustomization has no links; it is a root")
        #expect(
            Self.links("resources:\n  - github.com/a/b?ref=v1\n  - d.yaml\n", "k/kustomization.yaml")?.entries == [
                "d.yaml"
            ])
    }

    @Test func aFileIsReadByTheRootsThatReachItsFolder() {
        #expect(Self.graph.roots(mayRead: ["base/app.yaml"]) == ["overlays/dev", "overlays/prod"])
        #expect(Self.graph.roots(mayRead: ["components/tls/tls.yaml"]) == ["overlays/dev", "overlays/prod"])
        #expect(Self.graph.roots(mayRead: ["overlays/prod/patch.yaml"]) == ["overlays/prod"])
        #expect(Self.graph.roots(mayRead: ["elsewhere/app.yaml", "overlays/production/x.yaml"]).isEmpty)
        #expect(Self.graph.roots(mayRead: ["broken/x.yaml"]) == ["broken"])
    }

    @Test func aFileOfTheChartHomeIsReadByTheRootsWithHelmCharts() {
        #expect(Self.graph.roots(mayRead: ["shared-charts/report/templates/deployment.yaml"]) == ["apps/report"])
        #expect(Self.links("helmCharts:\n  - name: a\n", "k/kustomization.yaml")?.chartHome == "charts")
        #expect(Self.links("resources: [a.yaml]\n", "k/kustomization.yaml")?.chartHome == nil)
    }
}
