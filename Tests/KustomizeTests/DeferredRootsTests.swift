import Foundation
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Kustomize

/// `check` builds each kustomization root again when the engine checks it and lets its objects
/// go (`deferringObjects`): over the whole shared corpus the report is byte for byte the one
/// holding every root's objects to the end gives, and the plan's files and notes are the same.
@Suite struct DeferredRootsTests {
    @Test func theCorpusReportIsTheSameAsWithEveryRootKept() throws {
        let files = try ManifestWalker.files(under: [SharedData.corpus.path])
        let source: PolicyEngine.FileSource = { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileReadUnknown) }
            return Array(data)
        }
        let engine = PolicyEngine(
            configuration: try BundledData.defaultConfiguration(),
            settings: EvaluationSettings(deprecations: try BundledData.deprecations()))
        let kept = KustomizeCheckPlan.make(files: files)
        let deferred = KustomizeCheckPlan.make(files: files, deferringObjects: true)
        #expect(deferred.generated.count + deferred.deferred.entries.count == kept.generated.count)
        #expect(deferred.deferred.entries.count > 100, "the corpus has roots to build one at a time")
        #expect(deferred.files == kept.files && deferred.notes == kept.notes && deferred.patchFiles == kept.patchFiles)
        let expected = JSONReport.document(
            kept.mergingAcrossRoots(engine.run(paths: kept.files, generated: kept.generated, source: source)))
        let report = deferred.mergingAcrossRoots(
            engine.run(
                paths: deferred.files, generated: deferred.generated, deferred: deferred.deferred, source: source))
        #expect(report.findings.contains { $0.message.contains("(built by kustomizations ") })
        #expect(JSONReport.document(report) == expected)
    }
}
