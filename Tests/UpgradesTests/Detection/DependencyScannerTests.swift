import Testing

@testable import Upgrades

@Suite struct DependencyScannerTests {
    @Test func podImagesIncludingInitContainersAndDigests() throws {
        let tree = ScannedTree([
            "deploy.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  initContainers:
                    - name: migrate
                      image: "ghcr.io/org/migrate:1.4.0"
                  containers:
                    - name: app
                      image: nginx:1.25.3-alpine@sha256:0123456789abcdef
                    - name: sidecar
                      image: busybox:latest
                    - name: untagged
                      image: quay.io/org/tool
            """
        ])
        let migrate = try #require(tree.dependency("ghcr.io/org/migrate", "1.4.0"))
        #expect(migrate.location.line == 10)
        #expect(migrate.location.column == 39)
        #expect(tree.writtenText(migrate.location) == "1.4.0")
        #expect(migrate.origin.description == "Deployment web, init container migrate")
        #expect(migrate.source == .registry(host: "ghcr.io", repository: "org/migrate"))
        let nginx = try #require(tree.dependency("nginx", "1.25.3-alpine"))
        #expect(nginx.digest == "sha256:0123456789abcdef")
        #expect(tree.writtenText(nginx.digestLocation) == "sha256:0123456789abcdef")
        #expect(tree.writtenText(nginx.location) == "1.25.3-alpine")
        #expect(nginx.source == .registry(host: "registry-1.docker.io", repository: "library/nginx"))
        #expect(tree.dependency("busybox", "latest") != nil)
        #expect(tree.report.dependencies.count == 3)
    }

    @Test func kustomizationImages() throws {
        let tree = ScannedTree([
            "overlays/prod/kustomization.yaml": """
            resources: [../../base]
            images:
              - name: nginx
                newTag: 1.25.0
              - name: app
                newName: registry.example.com/team/app
                newTag: "2.1.0"
                digest: sha256:feedface
              - name: pinned-by-digest
                digest: sha256:beef
            """
        ])
        let nginx = try #require(tree.dependency("nginx", "1.25.0"))
        #expect(nginx.location.line == 4)
        #expect(nginx.origin.detail == "images[0]")
        let app = try #require(tree.dependency("registry.example.com/team/app", "2.1.0"))
        #expect(tree.writtenText(app.location) == "2.1.0")
        #expect(tree.writtenText(app.digestLocation) == "sha256:feedface")
        #expect(tree.report.dependencies.count == 2)
        #expect(tree.report.notes.map(\.message) == ["no newTag to upgrade"])
    }

    @Test func helmValuesShapes() throws {
        let tree = ScannedTree([
            "chart/values.yaml": """
            image:
              registry: docker.io
              repository: bitnami/redis
              tag: 7.2.4-debian-12-r9
            exporter:
              image: {repository: quay.io/oliver006/redis_exporter, tag: v1.58.0}
            sidecars:
              - name: logger
                image:
                  name: fluent/fluent-bit
                  tag: "3.0.2"
              - name: shell
                image: alpine:3.19
            extraImages:
              - {repository: ghcr.io/org/a, tag: 0.1.0}
            config:
              name: not-an-image
              tag: nothing
            """
        ])
        #expect(tree.dependency("bitnami/redis", "7.2.4-debian-12-r9")?.location.line == 4)
        #expect(
            tree.dependency("quay.io/oliver006/redis_exporter", "v1.58.0").flatMap { tree.writtenText($0.location) }
                == "v1.58.0")
        let fluent = try #require(tree.dependency("fluent/fluent-bit", "3.0.2"))
        #expect(fluent.origin.detail == "sidecars[0].image")
        #expect(tree.writtenText(fluent.location) == "3.0.2")
        #expect(tree.dependency("alpine", "3.19") != nil)
        #expect(tree.dependency("ghcr.io/org/a", "0.1.0") != nil)
        #expect(tree.report.dependencies.count == 5)
    }

    @Test func fluxHelmReleaseResolvesItsRepositoryAcrossFilesAndNamespaces() throws {
        let tree = ScannedTree([
            "infrastructure/sources/jetstack.yaml": """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: jetstack
              namespace: flux-system
            spec:
              url: https://charts.jetstack.io
            """,
            "infrastructure/sources/other-namespace.yaml": """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: jetstack
              namespace: elsewhere
            spec:
              url: https://wrong.example.com
            """,
            "infrastructure/cert-manager/release.yaml": """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: cert-manager
              namespace: cert-manager
            spec:
              chart:
                spec:
                  chart: cert-manager
                  version: v1.14.2
                  sourceRef:
                    kind: HelmRepository
                    name: jetstack
                    namespace: flux-system
              values:
                image:
                  repository: quay.io/jetstack/cert-manager-controller
                  tag: v1.14.2
            """,
        ])
        let chart = try #require(tree.report.dependencies.first { $0.kind == .chart })
        #expect(chart.source == .helmRepository(url: "https://charts.jetstack.io", chart: "cert-manager"))
        #expect(chart.currentValue == "v1.14.2")
        #expect(chart.location.line == 10)
        #expect(chart.addOn == "cert-manager")
        let image = try #require(tree.dependency("quay.io/jetstack/cert-manager-controller", "v1.14.2"))
        #expect(image.addOn == "cert-manager")
        #expect(image.origin.description == "HelmRelease cert-manager, values image")
    }

    @Test func fluxChartRefToOCIRepositoryAndNamespaceDefaulting() throws {
        let tree = ScannedTree([
            "apps/media/app/ocirepository.yaml": """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata:
              name: app-template
            spec:
              layerSelector:
                mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
                operation: copy
              ref:
                tag: 4.2.0
              url: oci://ghcr.io/bjw-s-labs/helm/app-template
            """,
            "apps/media/app/helmrelease.yaml": """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: plex
            spec:
              chartRef:
                kind: OCIRepository
                name: app-template
              values:
                controllers:
                  plex:
                    containers:
                      app:
                        image:
                          repository: ghcr.io/home-operations/plex
                          tag: 1.41.6.9685@sha256:37d36646471fb905a0080daaaa1f09ad3370b06149ed5f94dad73ead591cad0b
            """,
            "apps/other/helmrelease.yaml": """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: lost
            spec:
              chartRef:
                kind: OCIRepository
                name: nowhere
            """,
        ])
        let chart = try #require(tree.report.dependencies.first { $0.kind == .chart })
        #expect(chart.source == .registry(host: "ghcr.io", repository: "bjw-s-labs/helm/app-template"))
        #expect(chart.location.file == "apps/media/app/ocirepository.yaml")
        #expect(chart.location.line == 10)
        #expect(chart.origin.description == "HelmRelease plex")
        #expect(chart.addOn == "app-template")
        let plex = try #require(tree.dependency("ghcr.io/home-operations/plex", "1.41.6.9685"))
        #expect(plex.addOn == "app-template")
        #expect(tree.writtenText(plex.location) == "1.41.6.9685")
        #expect(
            tree.writtenText(plex.digestLocation)
                == "sha256:37d36646471fb905a0080daaaa1f09ad3370b06149ed5f94dad73ead591cad0b")
        #expect(tree.report.notes.map(\.message) == ["chartRef OCIRepository nowhere is not in the scanned tree"])
    }

    @Test func argoApplicationSourcesAndEmbeddedValues() throws {
        let text = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: ingress
            spec:
              sources:
                - repoURL: https://kubernetes.github.io/ingress-nginx
                  chart: ingress-nginx
                  targetRevision: 4.10.0
                  helm:
                    values: |
                      controller:
                        image:
                          repository: registry.k8s.io/ingress-nginx/controller
                          tag: "v1.10.0"
                - repoURL: ghcr.io/stefanprodan/charts
                  chart: podinfo
                  targetRevision: 6.5.0
                  helm:
                    valuesObject:
                      image: {repository: ghcr.io/stefanprodan/podinfo, tag: 6.5.0}
                - repoURL: oci://registry-1.docker.io/bitnamicharts
                  chart: redis
                  targetRevision: 18.0.0
                - repoURL: https://github.com/org/config.git
                  path: overlays/prod
                  targetRevision: main
            """
        let tree = ScannedTree(["apps/ingress.yaml": text])
        let ingress = try #require(tree.dependency("ingress-nginx", "4.10.0"))
        #expect(
            ingress.source == .helmRepository(url: "https://kubernetes.github.io/ingress-nginx", chart: "ingress-nginx")
        )
        let controller = try #require(tree.dependency("registry.k8s.io/ingress-nginx/controller", "v1.10.0"))
        #expect(controller.location.line == 15)
        #expect(tree.writtenText(controller.location) == "v1.10.0")
        #expect(controller.addOn == "ingress-nginx")
        #expect(
            tree.dependency("podinfo", "6.5.0")?.source
                == .registry(host: "ghcr.io", repository: "stefanprodan/charts/podinfo"))
        #expect(tree.dependency("ghcr.io/stefanprodan/podinfo", "6.5.0")?.addOn == "podinfo")
        #expect(
            tree.dependency("redis", "18.0.0")?.source
                == .registry(host: "registry-1.docker.io", repository: "bitnamicharts/redis"))
        #expect(tree.report.dependencies.count == 5)
    }

    @Test func applicationSetTemplateAndKustomizeHelmChartsAndChartYAML() throws {
        let tree = ScannedTree([
            "appset.yaml": """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: monitoring
            spec:
              template:
                spec:
                  source:
                    repoURL: https://prometheus-community.github.io/helm-charts
                    chart: kube-prometheus-stack
                    targetRevision: '58.0.0'
            """,
            "argocd/kustomization.yaml": """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            helmCharts:
              - name: argo-cd
                repo: https://argoproj.github.io/argo-helm
                version: 9.2.2
                valuesInline:
                  global:
                    image: {repository: quay.io/argoproj/argocd, tag: v3.0.0}
            """,
            "mychart/Chart.yaml": """
            apiVersion: v2
            name: mychart
            version: 0.1.0
            dependencies:
              - name: postgresql
                version: 15.5.0
                repository: oci://registry-1.docker.io/bitnamicharts
              - name: common
                version: 2.x.x
                repository: https://charts.bitnami.com/bitnami
              - name: local
                version: 0.1.0
                repository: file://../local
            """,
        ])
        let stack = try #require(tree.dependency("kube-prometheus-stack", "58.0.0"))
        #expect(tree.writtenText(stack.location) == "58.0.0")
        #expect(stack.origin.kind == "ApplicationSet")
        #expect(
            tree.dependency("argo-cd", "9.2.2")?.source
                == .helmRepository(url: "https://argoproj.github.io/argo-helm", chart: "argo-cd"))
        #expect(tree.dependency("quay.io/argoproj/argocd", "v3.0.0")?.addOn == "argo-cd")
        #expect(
            tree.dependency("postgresql", "15.5.0")?.source
                == .registry(host: "registry-1.docker.io", repository: "bitnamicharts/postgresql"))
        #expect(tree.dependency("common", "2.x.x") != nil, "a range is found; the planner says it is not a version")
        #expect(tree.report.dependencies.count == 5)
        #expect(tree.report.notes.isEmpty)
    }

    @Test func patchPinningAVersionTakesChartAndSourceFromItsBase() throws {
        let tree = ScannedTree([
            "apps/base/podinfo/release.yaml": """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: podinfo, namespace: podinfo}
            spec:
              chart:
                spec:
                  chart: podinfo
                  sourceRef: {kind: HelmRepository, name: podinfo}
            """,
            "apps/base/podinfo/repository.yaml": """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata: {name: podinfo, namespace: podinfo}
            spec: {url: "https://stefanprodan.github.io/podinfo"}
            """,
            "apps/production/podinfo-values.yaml": """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: podinfo, namespace: podinfo}
            spec:
              chart:
                spec:
                  version: 6.5.4
            """,
        ])
        let chart = try #require(tree.dependency("podinfo", "6.5.4"))
        #expect(chart.location.file == "apps/production/podinfo-values.yaml")
        #expect(chart.source == .helmRepository(url: "https://stefanprodan.github.io/podinfo", chart: "podinfo"))
        #expect(
            tree.report.notes.map(\.message) == [
                "chart podinfo has no version: Flux takes the newest on every reconcile"
            ])
    }
}
