import Forge
import GitKit
import Review

/// A scheduled `scan-images` job: every image the default branch pins, scanned and kept as the
/// repository's latest results (as a branch scan keeps them), then the repository's
/// vulnerable-images issue opened, edited, closed or left alone to match.
package struct ImageScanJob: Sendable {
    package let mirrors: MirrorCache
    package let engine: ReviewEngine
    package let issue: ImageVulnerabilityIssue

    package init(mirrors: MirrorCache, engine: ReviewEngine, issue: ImageVulnerabilityIssue) {
        self.mirrors = mirrors
        self.engine = engine
        self.issue = issue
    }

    @discardableResult
    package func run() async throws -> ImageVulnerabilityIssue.Outcome {
        let forge = issue.forge
        let details = try await forge.repositoryDetails()
        let credentials = try await forge.gitCredentials(for: mirrors)
        let engine = self.engine.trusting(credentials, at: details.cloneURL)
        let (commit, detection) = try await mirrors.withMirror(
            of: details.cloneURL, credentials: credentials, refspecs: forge.mirrorRefspecs
        ) { mirror, _ in
            try engine.pinned(at: "refs/heads/\(details.defaultBranch)", in: mirror)
        }
        return try await issue.scanAndKeep(detection, branch: details.defaultBranch, commit: commit, mayOpen: true)
    }
}
