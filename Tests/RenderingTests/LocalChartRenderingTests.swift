import Foundation
import Policy
import ShipshapeTesting
import Testing

@testable import Rendering

/// Chart folders of the tree, rendered with their own values (and each `ci/*-values.yaml`).
@Suite struct LocalChartRenderingTests {
    @Test func aChartFolderIsRenderedAndItsValuesFilesGetTheFindings() async throws {
        let ciValues = """
            securityContext:
              privileged: true

            """
        let run = try await RenderHarness.check(
            ["charts/podinfo/ci/privileged-values.yaml": ciValues],
            copying: ["charts/podinfo": ChartFolderArchive.shared("podinfo-6.14.1")], offline: true)
        #expect(run.outcome.notes.isEmpty, "\(run.outcome.notes)")
        #expect(run.outcome.generated.count == 2)
        #expect(run.outcome.renderedChartFolders == [run.folder.appending(path: "charts/podinfo").path])
        #expect(run.lines("runAsPrivileged", in: "charts/podinfo/ci/privileged-values.yaml") == [2])
        // imagePullPolicy comes from the chart's own values.yaml (line 12), written in this tree.
        #expect(run.lines("pullPolicyNotAlways", in: "charts/podinfo/values.yaml") == [12])
        // Findings no value explains land on the template that made the object.
        #expect(!run.findings("memoryLimitsMissing", in: "charts/podinfo/templates/deployment.yaml").isEmpty)
    }
}

/// A chart folder whose Chart.yaml depends on a chart of a Helm repository gets it as
/// `helm dependency build` would, from the repository (through mirrors) into a copy's `charts/`.
@Suite struct ChartDependencyTests {
    @Test func aDependencyOfAChartFolderIsFetchedFromItsRepository() async throws {
        let repository = try HelmRepositoryFixture.start(charts: [])
        defer { repository.shutdown() }
        repository.add(
            name: "common", version: "4.1.1",
            archive: try ChartFolderArchive.pack(ChartFolderArchive.shared("common-4.1.1"), name: "common"))
        let values = """
            controllers:
              main:
                containers:
                  app:
                    image: {repository: ghcr.io/example/app, tag: "1.0.0"}
                    securityContext:
                      privileged: true

            """
        let run = try await RenderHarness.check(
            ["charts/app-template/ci/app-values.yaml": values],
            copying: ["charts/app-template": ChartFolderArchive.shared("app-template-4.1.1")],
            settings: RenderHarness.mirroring("https://bjw-s-labs.github.io/helm-charts", to: repository.url))
        #expect(!run.outcome.generated.isEmpty, "\(run.outcome.notes)")
        #expect(run.lines("runAsPrivileged", in: "charts/app-template/ci/app-values.yaml") == [7])
        // The tree's chart folder is left as it was: the dependency went into a copy.
        #expect(!FileManager.default.fileExists(atPath: run.folder.appending(path: "charts/app-template/charts").path))
    }
}
