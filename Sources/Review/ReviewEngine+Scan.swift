import Foundation
import GitKit
import Kustomize
import Policy

extension ReviewEngine {
    /// Every manifest of one revision checked with the repository's configuration at that
    /// revision: what a push to the default branch is judged by. Kustomization roots are built
    /// (with the review's chart renderer and remote bases) and their objects checked in place of
    /// the files they read, as `check` does.
    package func scan(_ revision: String, in repository: some RevisionReader) throws -> (
        commit: String, report: CheckReport
    ) {
        let commit = try repository.commit(revision)
        let configuration = try repositoryConfiguration(at: commit, in: repository)
        let settings = EvaluationSettings(
            deprecations: deprecations, kubernetesVersion: kubernetesVersion ?? configuration.kubernetesVersion,
            targetVersions: configuration.targetVersions)
        let listed = try repository.files(at: commit)
        let manifests = listed.filter { $0.isRegularFile && Self.isManifestPath($0.path) }
        let blobs = Dictionary(manifests.map { ($0.path, $0.blob) }) { first, _ in first }
        let scratch = FileManager.default.temporaryDirectory.appending(path: "shipshape-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let isIgnored = { (path: String) in configuration.isIgnored(path: path) }
        let plan = kustomizeBuilds(
            files: RevisionFileSystem(files: listed, repository: repository), listed: listed, scratch: scratch,
            repository: repository
        ) { KustomizeCheckPlan.make(files: manifests.map(\.path), builder: $0, isIgnored: isIgnored) }
        let engine = PolicyEngine(configuration: configuration, settings: settings)
        var report = plan.mergingAcrossRoots(
            engine.run(
                paths: plan.files, generated: plan.generated,
                source: { path in try blobs[path].map { try repository.contents(ofBlob: $0) } ?? [] }),
            isIgnored: isIgnored)
        report.notes += plan.notes
        return (commit.hex, report)
    }
}
