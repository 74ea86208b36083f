import Testing

@testable import Upgrades

@Suite struct ManifestHeaderTests {
    @Test func readsATemplateLineByLine() {
        let template = """
            # A comment: apiVersion: v0
            {{- if .Values.enabled }}
            apiVersion: "rbac.authorization.k8s.io/v1" # current
            kind: 'ClusterRole'
            metadata:
              labels:
                {{- include "demo.labels" . | nindent 4 }}
                name: not-this-one
              name: demo-reader
            rules: []
            {{- end }}
            """
        let headers = ManifestHeader.read(template)
        #expect(headers.count == 1)
        #expect(headers.first?.apiVersions == [.init(value: "rbac.authorization.k8s.io/v1", line: 3)])
        #expect(headers.first?.kind == "ClusterRole")
        #expect(headers.first?.name == "demo-reader")
    }

    @Test func leavesOutValuesThatHoldTemplateActions() {
        let template = """
            apiVersion: {{ include "demo.pdb.apiVersion" . }}
            kind: PodDisruptionBudget
            metadata:
              name: {{ .Release.Name }}
            """
        let headers = ManifestHeader.read(template)
        #expect(headers.first?.apiVersions == [])
        #expect(headers.first?.kind == "PodDisruptionBudget")
        #expect(headers.first?.name == nil)
    }

    @Test func numbersLinesAcrossDocumentsAndSkipsEmptyOnes() {
        let text = """
            ---
            # only a comment
            ---
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "json"}}
            --- # next
            kind: Secret

            apiVersion: v1
            """
        let headers = ManifestHeader.read(text)
        #expect(headers.map(\.kind) == ["ConfigMap", "Secret"])
        #expect(headers.map(\.name) == ["json", nil])
        #expect(headers.map(\.apiVersions) == [[.init(value: "v1", line: 4)], [.init(value: "v1", line: 8)]])
    }

    @Test func ignoresKeysThatAreNotAtTheTopLevel() {
        let template = """
            {{- if .Values.config.enabled }}
            apiVersion: v1
            kind: ConfigMap
            data:
              manifest: |
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
            metadata:
              name: {{ .Release.Name }}-config
            {{- end }}
            """
        let headers = ManifestHeader.read(template)
        #expect(headers.first?.apiVersions.map(\.value) == ["v1"])
        #expect(headers.first?.kind == "ConfigMap")
    }
}
