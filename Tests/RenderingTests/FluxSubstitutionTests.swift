import Foundation
import Manifests
import Policy
import Testing

@testable import Rendering

/// Flux post-build variables and target namespaces, applied before anything is rendered.
@Suite struct FluxSubstitutionTests {
    @Test(arguments: [
        ("${APP}-db", "web-db"),
        ("${MISSING:=fallback}", "fallback"),
        ("${MISSING:-fallback}", "fallback"),
        ("${MISSING}", ""),
        ("${APP:=other}", "web"),
        ("$APP and ${", "$APP and ${"),
        ("${not valid}", "${not valid}"),
    ])
    func variablesAreSubstitutedAsFluxDoes(_ text: String, _ expected: String) {
        #expect(FluxSubstitution.substitute(text, ["APP": "web"]) == expected)
    }

    @Test func aComponentSeveralAppsUseIsRenderedOncePerApp() async throws {
        func kustomization(_ app: String) -> String {
            """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: \(app)
            spec:
              path: ./apps/\(app)
              components: [../../components/proxy]
              targetNamespace: \(app)-ns
              postBuild:
                substitute:
                  APP: \(app)

            """
        }
        let files: [String: String] = [
            "flux/web.yaml": kustomization("web"),
            "flux/api.yaml": kustomization("api"),
            "apps/web/namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web-ns\n",
            "apps/api/namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: api-ns\n",
            "components/proxy/release.yaml": """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: ${APP}-proxy
            spec:
              chart:
                spec:
                  chart: ./charts/proxy
                  sourceRef: {kind: GitRepository, name: platform}
              values:
                upstream: ${APP}

            """,
            "components/proxy/source.yaml":
                "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: platform\nspec:\n  url: https://git.example.com/p.git\n",
            "charts/proxy/Chart.yaml": "apiVersion: v2\nname: proxy\nversion: 1.0.0\n",
            "charts/proxy/values.yaml": "upstream: none\n",
            "charts/proxy/templates/configmap.yaml":
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  upstream: {{ .Values.upstream }}\n",
        ]
        let run = try await RenderHarness.check(files, offline: true)
        #expect(run.outcome.notes.isEmpty, "\(run.outcome.notes)")
        let labels = run.outcome.generated.map(\.label).sorted()
        #expect(
            labels == [
                "rendered by HelmRelease api-ns/api-proxy from chart proxy 1.0.0",
                "rendered by HelmRelease web-ns/web-proxy from chart proxy 1.0.0",
            ])
        #expect(run.outcome.generated.map(\.namespace).sorted { ($0 ?? "") < ($1 ?? "") } == ["api-ns", "web-ns"])
    }
}
