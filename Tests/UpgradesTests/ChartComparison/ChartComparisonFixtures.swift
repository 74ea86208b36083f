import Foundation
import ShipshapeTesting

/// Two versions of a chart `demo`: 2.0.0 drops the `gadgets` CRD, adds `sprockets` (from a
/// template), changes, adds and removes default values, and has templates with apiVersions that
/// are removed, current, or chosen by the cluster's capabilities.
enum ChartComparisonFixtures {
    static let version1 = HelmChartArchive(
        name: "demo", version: "1.0.0", appVersion: "1.0.0",
        values: """
            replicaCount: 1
            image:
              repository: ghcr.io/example/demo
              tag: "1.0.0"
            legacy:
              enabled: true
            podAnnotations: {}
            args: [--verbose, --port=8080]

            """,
        templates: ["deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: demo\n"],
        crds: [
            "widgets.yaml": crd("widgets.example.io", apiVersion: "apiextensions.k8s.io/v1"),
            "gadgets.yaml": crd("gadgets.example.io", apiVersion: "apiextensions.k8s.io/v1"),
        ]
    )

    static let version2 = HelmChartArchive(
        name: "demo", version: "2.0.0", appVersion: "2.0.0",
        values: """
            replicaCount: 1
            image:
              repository: ghcr.io/example/demo
              tag: "2.0.0"
            podAnnotations:
              prometheus.io/scrape: "true"
            args: [--verbose, --port=9090]
            metrics:
              enabled: false

            """,
        templates: [
            "deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: demo\n",
            "pdb.yaml": """
            {{- if .Values.pdb.enabled }}
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata:
              name: {{ include "demo.fullname" . }}
            spec:
              minAvailable: 1
            {{- end }}

            """,
            "hpa.yaml": """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: {{ include "demo.fullname" . }}

            """,
            "cronjob.yaml": """
            {{- if .Capabilities.APIVersions.Has "batch/v1/CronJob" }}
            apiVersion: batch/v1
            {{- else }}
            apiVersion: batch/v1beta1
            {{- end }}
            kind: CronJob
            metadata:
              name: demo-cleanup

            """,
            "ingress.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: demo
            ---
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: demo

            """,
            "NOTES.txt": "To expose it on old clusters:\napiVersion: extensions/v1beta1\nkind: Ingress\n",
            "crds/sprockets.yaml": """
            {{- if .Values.crds.enabled }}
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              labels:
                {{- include "demo.labels" . | nindent 4 }}
              name: sprockets.example.io
            spec:
              group: example.io
            {{- end }}

            """,
        ],
        crds: ["widgets.yaml": crd("widgets.example.io", apiVersion: "apiextensions.k8s.io/v1beta1")]
    )

    static func crd(_ name: String, apiVersion: String) -> String {
        "apiVersion: \(apiVersion)\nkind: CustomResourceDefinition\nmetadata:\n  name: \(name)\nspec:\n  group: example.io\n"
    }

    /// A `.tgz` of `files` (path → text) and `links` (path → target), packed with extra tar
    /// arguments, for archives `HelmChartArchive` cannot make.
    static func tarball(_ files: [String: String], links: [String: String] = [:], tarArguments: [String] = []) throws
        -> Data
    {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-tarball-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appending(path: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for (path, target) in links {
            let url = folder.appending(path: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }
        let members = Set(
            (Array(files.keys) + Array(links.keys)).compactMap { $0.split(separator: "/").first.map(String.init) }
        ).sorted()
        let packed = try ProcessRunner.tool("tar", ["-czf", "archive.tgz"] + tarArguments + members, in: folder)
        guard packed.status == 0 else { throw FixtureError("tar could not pack \(members): \(packed.output)") }
        return try Data(contentsOf: folder.appending(path: "archive.tgz"))
    }
}
