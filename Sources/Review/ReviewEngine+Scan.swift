import GitKit
import Policy

extension ReviewEngine {
    /// Every manifest of one revision checked with the repository's configuration at that
    /// revision: what a push to the default branch is judged by.
    public func scan(_ revision: String, in repository: some RevisionReader) throws -> (
        commit: String, report: CheckReport
    ) {
        let commit = try repository.commit(revision)
        let configuration = try repositoryConfiguration(at: commit, in: repository)
        let settings = EvaluationSettings(
            deprecations: deprecations, kubernetesVersion: kubernetesVersion ?? configuration.kubernetesVersion,
            targetVersions: configuration.targetVersions)
        let files = try manifestFiles(at: commit, in: repository).map { file in
            (path: file.path, text: String(decoding: try repository.contents(ofBlob: file.blob), as: UTF8.self))
        }
        return (commit.hex, PolicyEngine(configuration: configuration, settings: settings).run(files: files))
    }
}
