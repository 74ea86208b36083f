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
        let run = try await RenderHarness.check(["charts/podinfo/ci/privileged-values.yaml": ciValues],
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
