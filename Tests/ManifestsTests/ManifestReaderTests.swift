import Manifests
import Testing

@Suite struct ManifestReaderTests {
    @Test func listsAreExpanded() {
        let file = ManifestReader.read(
            path: "list.yaml",
            text: """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: a}
                  - apiVersion: v1
                    kind: Secret
                    metadata: {name: b, namespace: ns}
                """)
        #expect(file.objects.map(\.kind) == ["ConfigMap", "Secret"])
        #expect(file.objects[1].namespace == "ns")
        #expect(file.objects[1].path.description == "items[1]")
        #expect(file.objects[1].anchor.line == 8)
    }

    @Test func filesWithoutObjectsAreNotKubernetes() {
        let workflow = ManifestReader.read(path: ".github/workflows/ci.yml", text: "name: ci\non: [push]\njobs: {}\n")
        #expect(workflow.kind == .notKubernetes)
        let chart = ManifestReader.read(path: "Chart.yaml", text: "apiVersion: v2\nname: app\nversion: 1.0.0\n")
        #expect(chart.kind == .notKubernetes, "apiVersion without kind is not an object")
    }

    @Test(arguments: [
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n",
        "{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\n{{- end }}\n",
    ])
    func unrenderedTemplatesAreSkipped(_ text: String) {
        let file = ManifestReader.read(path: "templates/cm.yaml", text: text)
        #expect(file.kind == .template)
        #expect(file.objects.isEmpty && file.syntaxErrors.isEmpty)
    }

    @Test func templatesInsideStringsAreStillChecked() {
        let file = ManifestReader.read(
            path: "appset.yaml",
            text: """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata:
                  name: apps
                spec:
                  template:
                    metadata:
                      name: '{{path.basename}}'
                    spec:
                      project: default
                """)
        #expect(file.kind == .kubernetes)
        #expect(file.objects.first?.podTemplate == nil, "an Argo CD Application template is not a pod template")
    }

    @Test(arguments: [
        (
            "Deployment",
            "spec:\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: c, image: i}]\n",
            "spec.template.spec"
        ),
        (
            "CronJob",
            "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers: [{name: i, image: i}]\n          containers: [{name: c, image: i}]\n",
            "spec.jobTemplate.spec.template.spec"
        ),
        ("Pod", "spec:\n  containers: [{name: c, image: i}]\n", "spec"),
        ("Rollout", "spec:\n  template:\n    spec:\n      containers: [{name: c, image: i}]\n", "spec.template.spec"),
    ])
    func podTemplatesAreFound(kind: String, body: String, path: String) throws {
        let file = ManifestReader.read(
            path: "w.yaml", text: "apiVersion: x/v1\nkind: \(kind)\nmetadata: {name: w}\n" + body)
        let pod = try #require(file.objects.first?.podTemplate)
        #expect(pod.path.description == path)
        #expect(pod.containers.first?.name == "c")
        #expect(pod.containers.first?.path.description == path + ".containers[0]")
    }

    @Test func syntaxErrorsAreKeptWithTheObjectsAround() {
        let file = ManifestReader.read(
            path: "mixed.yaml",
            text:
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkey: [oops\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n"
        )
        #expect(file.kind == .kubernetes)
        #expect(file.objects.map(\.name) == ["a", "b"])
        #expect(file.syntaxErrors.map(\.position.line) == [5])
    }

    @Test func aTemplateWithoutKindIsStillATemplate() {
        let values = ManifestReader.read(path: "templates/values.yaml", text: "{{ .Values.name }}: 1\nreplicas: 2\n")
        #expect(values.kind == .template)
        let broken = ManifestReader.read(path: "values.yaml", text: "a: [1\nb: 2\n")
        #expect(broken.kind == .kubernetes && broken.syntaxErrors.count == 1, "a syntax error is reported in any file")
    }

    /// Files are parsed without trees only when their bytes cannot spell a `kind` key.
    @Test func objectsWhoseKindIsSpelledInOtherBytesAreFound() {
        let escaped = ManifestReader.read(
            path: "pod.json",
            text: "{\"apiVersion\": \"v1\", \"\\u006bind\": \"Pod\", \"metadata\": {\"name\": \"p\"}}\n")
        #expect(escaped.objects.map(\.kind) == ["Pod"])
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
        let utf16: [UInt8] =
            [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let wide = ManifestReader.read(path: "pod.yaml", bytes: utf16)
        #expect(wide.objects.map(\.name) == ["p"], "a UTF-16 file spells kind with NUL bytes between the letters")
    }
}
