import Manifests
import Policy
import Testing

@testable import Upgrades

@Suite struct ChartComparisonMarkdownTests {
    /// A small table, so the expected text does not move when the bundled data is edited.
    static func deprecations() throws -> DeprecationTable {
        try DeprecationTable.read(
            text: """
                targets:
                  kubernetes: "1.30"
                apis:
                  - apiVersion: policy/v1beta1
                    kind: PodDisruptionBudget
                    component: kubernetes
                    deprecatedIn: "1.21"
                    removedIn: "1.25"
                    replacement: policy/v1
                    replacementAvailableIn: "1.21"
                  - apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
                    component: kubernetes
                    deprecatedIn: "1.29"
                    removedIn: "1.32"
                  - apiVersion: example.io/v1
                    kind: Widget
                    component: kubernetes
                    deprecatedIn: "1.28"
                """, file: "test-deprecations.yaml")
    }

    @Test func rendersEachNonEmptySection() throws {
        let templates = [
            "templates/pdb.yaml": "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n",
            "templates/flow.yaml": "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\n",
            "templates/widget.yaml": "kind: Widget\napiVersion: example.io/v1\n",
        ]
        let old = ChartContents(
            name: "demo", version: "1.0.0", values: "image:\n  tag: 1.0.0\nlegacy: true\n",
            crds: [
                "crds/a.yaml": ChartComparisonFixtures.crd("gadgets.example.io", apiVersion: "apiextensions.k8s.io/v1")
            ])
        let new = ChartContents(
            name: "demo", version: "2.0.0", values: "image:\n  tag: 2.0.0\nmetrics: {}\n", templates: templates)
        let comparison = ChartComparison.compare(
            old: old, new: new, deprecations: try Self.deprecations(),
            kubernetesVersion: try #require(ReleaseVersion("1.29")))
        #expect(
            comparison.markdown(oldVersion: "1.0.0", newVersion: "2.0.0") == """
                ### CRDs

                - Removed in 2.0.0: `gadgets.example.io`

                ### Default values

                - Added: `metrics`
                - Removed: `legacy`

                | Key | 1.0.0 | 2.0.0 |
                | --- | --- | --- |
                | `image.tag` | `1.0.0` | `2.0.0` |

                ### Deprecated APIs in the new chart

                - `templates/flow.yaml` line 1: `flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema` is deprecated since Kubernetes 1.29 and is removed in 1.32: it has no replacement
                - `templates/pdb.yaml` line 1: `policy/v1beta1 PodDisruptionBudget` was removed in Kubernetes 1.25 (target 1.29): use `policy/v1` (available since Kubernetes 1.21)
                - `templates/widget.yaml` line 2: `example.io/v1 Widget` is deprecated since Kubernetes 1.28: it has no replacement
                """)
    }

    @Test func capsTheValuesTableAndNameLists() {
        let keys = (1...30).map { "key\($0 < 10 ? "0" : "")\($0)" }
        let comparison = ChartComparison(valuesAdded: keys, valuesChanged: keys.map { (key: $0, old: "1", new: "2") })
        let markdown = comparison.markdown(oldVersion: "1", newVersion: "2")
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| `key") }
        #expect(rows.count == 25)
        #expect(rows.last == "| `key25` | `1` | `2` |")
        #expect(markdown.hasSuffix("\n\nand 5 more changed keys."))
        #expect(markdown.contains("`key25` and 5 more\n"))
        #expect(!markdown.contains("`key26`"))
    }

    @Test func keepsChartTextInsideCodeSpans() {
        let comparison = ChartComparison(
            crdsAdded: ["a`b.example.io"],
            valuesChanged: [(key: "shell", old: "a|b", new: "<b>@admin</b>")])
        let markdown = comparison.markdown(oldVersion: "1", newVersion: "2")
        #expect(markdown.contains("- Added in 2: `` a`b.example.io ``"))
        #expect(markdown.contains(#"| `shell` | `a\|b` | `<b>@admin</b>` |"#))
    }
}
