import Foundation
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Rendering

/// Flux HelmReleases rendered by Helm's engine from a real Helm repository and a real registry on
/// loopback: findings land on the values lines that caused them.
@Suite struct HelmReleaseRenderingTests {
    static let podinfoRelease = """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: podinfo
          namespace: flux-system
        spec:
          url: https://stefanprodan.github.io/podinfo
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: podinfo
          namespace: apps
        spec:
          chart:
            spec:
              chart: podinfo
              version: 6.14.1
              sourceRef:
                kind: HelmRepository
                name: podinfo
                namespace: flux-system
          values:
            securityContext:
              privileged: true

        """

    func podinfoRepository() throws -> HelmRepositoryFixture {
        let repository = try HelmRepositoryFixture.start(charts: [])
        repository.add(
            name: "podinfo", version: "6.14.1",
            archive: try ChartFolderArchive.pack(ChartFolderArchive.shared("podinfo-6.14.1"), name: "podinfo"))
        return repository
    }

    @Test func aValueWrittenInAHelmReleaseIsReportedOnItsLine() async throws {
        let repository = try podinfoRepository()
        defer { repository.shutdown() }
        let run = try await RenderHarness.check(
            ["apps/podinfo.yaml": Self.podinfoRelease],
            settings: RenderHarness.mirroring("https://stefanprodan.github.io/podinfo", to: repository.url))
        #expect(run.outcome.notes.isEmpty, "\(run.outcome.notes)")
        #expect(run.outcome.generated.count == 1)
        let privileged = run.findings("runAsPrivileged", in: "apps/podinfo.yaml")
        #expect(privileged.map(\.position.line) == [25])
        #expect(privileged.first?.object?.description == "Deployment apps/podinfo")
        #expect(
            privileged.first?.message.contains(
                "rendered by HelmRelease apps/podinfo from chart podinfo 6.14.1, templates/deployment.yaml") == true)
    }

    @Test func aFindingNoWrittenValueExplainsLandsOnTheValuesLine() async throws {
        let repository = try podinfoRepository()
        defer { repository.shutdown() }
        let run = try await RenderHarness.check(
            ["apps/podinfo.yaml": Self.podinfoRelease],
            settings: RenderHarness.mirroring("https://stefanprodan.github.io/podinfo", to: repository.url))
        // podinfo's chart sets no resource limits; the release's `values:` key is where to add them.
        #expect(run.lines("memoryLimitsMissing", in: "apps/podinfo.yaml") == [23])
        // Nothing is reported on the chart's own files, which are not in the tree.
        #expect(run.report.findings.allSatisfy { $0.file.hasPrefix(run.folder.path) })
    }

    @Test func valuesFromAConfigMapAreReportedOnTheConfigMapsLines() async throws {
        let repository = try podinfoRepository()
        defer { repository.shutdown() }
        let release = Self.podinfoRelease.replacingOccurrences(
            of: """
                  values:
                    securityContext:
                      privileged: true
                """,
            with: """
                  valuesFrom:
                    - kind: ConfigMap
                      name: podinfo-values
                """)
        let configMap = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: podinfo-values
              namespace: apps
            data:
              values.yaml: |
                replicaCount: 3
                securityContext:
                  privileged: true

            """
        let run = try await RenderHarness.check(
            ["apps/podinfo.yaml": release, "apps/values.yaml": configMap],
            settings: RenderHarness.mirroring("https://stefanprodan.github.io/podinfo", to: repository.url))
        #expect(run.outcome.notes.isEmpty, "\(run.outcome.notes)")
        #expect(run.lines("runAsPrivileged", in: "apps/values.yaml") == [10])
        #expect(run.findings("deploymentMissingReplicas", in: "apps/podinfo.yaml").isEmpty)
    }

    @Test func aChartThatCannotBeFetchedIsANoteAndTheRestIsStillChecked() async throws {
        let repository = try podinfoRepository()
        defer { repository.shutdown() }
        let release = Self.podinfoRelease.replacingOccurrences(of: "version: 6.14.1", with: "version: 9.9.9")
        let deployment = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:latest

            """
        let run = try await RenderHarness.check(
            ["apps/podinfo.yaml": release, "apps/pod.yaml": deployment],
            settings: RenderHarness.mirroring("https://stefanprodan.github.io/podinfo", to: repository.url))
        #expect(run.outcome.generated.isEmpty)
        let note = try #require(run.outcome.notes.first)
        #expect(note.location.file.hasSuffix("apps/podinfo.yaml") && note.location.position.line == 23)
        #expect(
            note.message.contains("HelmRelease apps/podinfo: not rendered") && note.message.contains("9.9.9"),
            "\(note.message)")
        #expect(!run.findings("tagNotSpecified", in: "apps/pod.yaml").isEmpty)
    }

    @Test func anAppTemplateReleaseFromAnOCIRegistryIsRenderedWithItsLibrary() async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        let archive = try ChartFolderArchive.pack(
            ChartFolderArchive.shared("app-template-4.1.1"), name: "app-template",
            subcharts: [("common", ChartFolderArchive.shared("common-4.1.1"))])
        try registry.pushChart(repository: "bjw-s-labs/helm/app-template", archive: archive, version: "4.1.1")
        let release = """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata:
              name: app-template
            spec:
              ref:
                tag: 4.1.1
              url: oci://ghcr.io/bjw-s-labs/helm/app-template
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: echo
            spec:
              chartRef:
                kind: OCIRepository
                name: app-template
              values:
                controllers:
                  echo:
                    containers:
                      app:
                        image:
                          repository: ghcr.io/mendhak/http-https-echo
                          tag: latest
                        securityContext:
                          privileged: true

            """
        let run = try await RenderHarness.check(
            ["echo/release.yaml": release],
            settings: RenderHarness.mirroring(registry: "ghcr.io", to: registry.host))
        #expect(run.outcome.notes.isEmpty, "\(run.outcome.notes)")
        // app-template's schemas refer to the web: rendering fetches nothing, so they are set aside.
        #expect(
            run.outcome.globalNotes.contains {
                $0.contains("rendered without schema validation") && $0.contains("app-template")
            })
        #expect(run.lines("runAsPrivileged", in: "echo/release.yaml") == [27])
        #expect(run.lines("tagNotSpecified", in: "echo/release.yaml") == [25])
        // app-template adds no probes unless asked: the finding goes to `values:`, naming the template.
        let probe = run.findings("livenessProbeMissing", in: "echo/release.yaml")
        #expect(probe.map(\.position.line) == [18])
        #expect(
            probe.first?.message.contains("from chart app-template 4.1.1, templates/common.yaml") == true,
            "\(probe.first?.message ?? "")")
    }
}

/// kustomize's `helmCharts`: each entry rendered with its values file and inline values.
@Suite struct KustomizeHelmChartsRenderingTests {
    @Test func anInlineValueOfAHelmChartsEntryIsReportedOnItsLine() async throws {
        let repository = try HelmRepositoryFixture.start(charts: [])
        defer { repository.shutdown() }
        repository.add(
            name: "podinfo", version: "6.14.1",
            archive: try ChartFolderArchive.pack(ChartFolderArchive.shared("podinfo-6.14.1"), name: "podinfo"))
        let kustomization = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: web
            helmCharts:
              - name: podinfo
                repo: https://stefanprodan.github.io/podinfo
                version: 6.14.1
                releaseName: web
                valuesFile: values.yaml
                valuesInline:
                  securityContext:
                    privileged: true

            """
        let run = try await RenderHarness.check(
            ["web/kustomization.yaml": kustomization, "web/values.yaml": "replicaCount: 1\n"],
            settings: RenderHarness.mirroring("https://stefanprodan.github.io/podinfo", to: repository.url))
        #expect(run.outcome.notes.isEmpty, "\(run.outcome.notes)")
        #expect(run.lines("runAsPrivileged", in: "web/kustomization.yaml") == [12])
        // A number a template writes directly has no marker: the finding goes to the entry's values.
        #expect(run.lines("deploymentMissingReplicas", in: "web/kustomization.yaml") == [10])
        #expect(
            run.findings("runAsPrivileged", in: "web/kustomization.yaml").first?.object?.description
                == "Deployment web/web-podinfo")
    }
}

/// Argo CD ApplicationSets with a list generator: one Application per element.
@Suite struct ApplicationSetRenderingTests {
    @Test func eachElementOfAListGeneratorIsRenderedAndReportedOnTheTemplatesLines() async throws {
        let repository = try HelmRepositoryFixture.start(charts: [])
        defer { repository.shutdown() }
        repository.add(
            name: "podinfo", version: "6.14.1",
            archive: try ChartFolderArchive.pack(ChartFolderArchive.shared("podinfo-6.14.1"), name: "podinfo"))
        let applicationSet = """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: podinfo
              namespace: argocd
            spec:
              generators:
                - list:
                    elements:
                      - env: dev
                      - env: prod
              template:
                metadata:
                  name: 'podinfo-{{env}}'
                spec:
                  source:
                    repoURL: https://stefanprodan.github.io/podinfo
                    chart: podinfo
                    targetRevision: 6.14.1
                    helm:
                      releaseName: 'podinfo-{{env}}'
                      valuesObject:
                        securityContext:
                          privileged: true
                  destination:
                    namespace: '{{env}}'

            """
        let run = try await RenderHarness.check(
            ["argocd/podinfo.yaml": applicationSet],
            settings: RenderHarness.mirroring("https://stefanprodan.github.io/podinfo", to: repository.url))
        #expect(run.outcome.notes.isEmpty, "\(run.outcome.notes)")
        #expect(run.outcome.generated.count == 2)
        let privileged = run.findings("runAsPrivileged", in: "argocd/podinfo.yaml")
        #expect(privileged.map(\.position.line) == [24, 24])
        #expect(
            Set(privileged.compactMap(\.object?.description)) == [
                "Deployment dev/podinfo-dev", "Deployment prod/podinfo-prod",
            ])
        #expect(
            privileged.first?.message.contains("rendered by ApplicationSet podinfo, Application podinfo-") == true,
            "\(privileged.first?.message ?? "")")
    }
}

/// Chart archives are verified against the digest the Helm repository's index lists.
@Suite struct ChartDigestTests {
    @Test func anArchiveWhoseDigestDiffersFromTheIndexIsNotRendered() async throws {
        let archive = try ChartFolderArchive.pack(ChartFolderArchive.shared("podinfo-6.14.1"), name: "podinfo")
        let wrong = String(repeating: "ab", count: 32)
        let server = try LoopbackHTTPServer { request in
            switch request.path {
            case "/index.yaml":
                let index =
                    "apiVersion: v1\nentries:\n  podinfo:\n    - {name: podinfo, version: \"6.14.1\", digest: \(wrong), urls: [\"podinfo-6.14.1.tgz\"]}\n"
                return .respond(
                    ServedResponse(
                        status: 200, headers: [("Content-Type", "application/x-yaml")], body: Data(index.utf8)))
            case "/podinfo-6.14.1.tgz":
                return .respond(
                    ServedResponse(status: 200, headers: [("Content-Type", "application/gzip")], body: archive))
            default:
                return .respond(ServedResponse(status: 404))
            }
        }
        defer { server.shutdown() }
        let run = try await RenderHarness.check(
            ["apps/podinfo.yaml": HelmReleaseRenderingTests.podinfoRelease],
            settings: RenderHarness.mirroring("https://stefanprodan.github.io/podinfo", to: server.baseURL))
        #expect(run.outcome.generated.isEmpty)
        let note = try #require(run.outcome.notes.first)
        #expect(note.message.contains("does not have the digest the index lists (\(wrong))"), "\(note.message)")
    }
}
