import Forge
import Foundation
import GitKit
import Manifests
import Policy
import Review
import Vulnerabilities

/// A push to the default branch, judged whole: every manifest checked, the verdict posted as the
/// pushed commit's check (annotations on the worst findings), so the branch's state is visible
/// where the commit is.
package struct BranchScan: Sendable {
    package let forge: any Forge
    package let mirrors: MirrorCache
    package let engine: ReviewEngine
    package let checkName: String
    /// Scans every image the branch pins, stores the results, and edits or closes the
    /// repository's vulnerable-images issue when one is open (a push that fixes an image closes it
    /// at once; opening it is the `scan-images` schedule's part). Nil: images are not scanned.
    package var imageIssue: ImageVulnerabilityIssue?
    /// Where the scan is kept for the dashboard; nil when the dashboard is off.
    package var history: ScanHistoryRecorder?

    package init(forge: any Forge, mirrors: MirrorCache, engine: ReviewEngine, checkName: String = "shipshape") {
        self.forge = forge
        self.mirrors = mirrors
        self.engine = engine
        self.checkName = checkName
    }

    /// `revision`: the pushed commit (or ref); nil scans the default branch's head (a scheduled scan).
    @discardableResult
    package func run(revision requested: String?) async throws -> CommitCheck {
        let details = try await forge.repositoryDetails()
        let cloneURL = details.cloneURL
        let revision = requested ?? "refs/heads/\(details.defaultBranch)"
        let credentials = try await forge.gitCredentials(for: mirrors)
        let engine = self.engine.trusting(credentials, at: cloneURL)
        let scansImages = imageIssue != nil
        let (commit, report, pinned) = try await mirrors.withMirror(
            of: cloneURL, credentials: credentials, refspecs: forge.mirrorRefspecs
        ) { mirror, _ in
            let (commit, report) = try engine.scan(revision, in: mirror)
            return (commit, report, scansImages ? try engine.pinned(at: commit, in: mirror).detection : nil)
        }
        let findings = report.findings
        let danger = findings.filter { $0.severity == .danger }.count
        let title =
            findings.isEmpty
            ? "No problems in \(report.files.count) files."
            : "\(findings.count) findings in the branch: \(danger) danger, \(findings.count - danger) warning."
        let worst = findings.sorted {
            $0.severity != $1.severity ? $0.severity > $1.severity : Finding.reportOrder($0, $1)
        }.prefix(50)
        let check = CommitCheck(
            name: checkName, headSHA: commit,
            conclusion: danger > 0 ? .failure : (findings.isEmpty ? .success : .neutral), title: title,
            summary: title,
            annotations: worst.map { finding in
                CommitCheck.Annotation(
                    path: finding.file, startLine: finding.position.line, endLine: finding.position.line,
                    level: finding.severity == .danger ? .failure : .warning, title: finding.checkID,
                    message: finding.message)
            })
        try await forge.publish(check)
        CrashPoint.scanPublished.reached()
        try await history?.record(
            forge: forge.kind.rawValue, repository: forge.repository.fullName, commit: commit, report: report)
        if let imageIssue, let pinned {
            _ = try await imageIssue.scanAndKeep(pinned, branch: details.defaultBranch, commit: commit, mayOpen: false)
        }
        return check
    }
}
