import Foundation
import HelmKit
import Manifests
import Policy
import Rendering

/// What a chart upgrade changes in what the repository deploys: the releases the upgrade's edit
/// touches, rendered with the repository's own values at the old version and at the new one,
/// and the findings the new version adds and removes. No peer says this in an upgrade PR.
package struct UpgradeRenderedEffect: Sendable {
    package let rendering: ChartRendering
    package let policy: PolicyEngine

    package init(rendering: ChartRendering, policy: PolicyEngine) {
        var rendering = rendering
        // Chart folders of the repository are not upgraded: nothing is written out for them.
        rendering.folderOnDisk = { folder in
            throw HelmError(operation: "rendering \(folder)", message: "chart folders are not rendered for upgrades")
        }
        self.rendering = rendering
        self.policy = policy
    }

    /// The section for the pull request body, or "" when the edit touches no release.
    func markdown(before: [String: [UInt8]], edited: [String: [UInt8]]) async -> String {
        let changed = Set(edited.keys)
        let after = before.merging(edited) { _, new in new }
        let old = await findings(in: before, affectedBy: changed)
        let new = await findings(in: after, affectedBy: changed)
        guard old.rendered > 0 || new.rendered > 0 else { return "" }
        if !new.failures.isEmpty {
            return
                "**In what this repository deploys**: the new version could not be rendered with the repository's values: "
                + new.failures.map { "`\($0)`" }.joined(separator: "; ") + "\n"
        }
        let added = new.findings.filter { old.findings[$0.key] == nil }.sorted { $0.key < $1.key }
        let removed = old.findings.filter { new.findings[$0.key] == nil }.sorted { $0.key < $1.key }
        guard !added.isEmpty || !removed.isEmpty else {
            return
                "**In what this repository deploys** (\(new.rendered) release(s) rendered with the repository's values): the new version adds and removes no finding.\n"
        }
        var lines = [
            "**In what this repository deploys** (\(new.rendered) release(s) rendered with the repository's values):",
            "",
            "| | finding | object | |", "|---|---|---|---|",
        ]
        for (_, finding) in added { lines.append(row("adds", finding)) }
        for (_, finding) in removed { lines.append(row("removes", finding)) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ change: String, _ finding: Finding) -> String {
        let object = [finding.object?.description, finding.container.map { "container \($0)" }].compactMap { $0 }
            .joined(separator: ", ")
        let message = finding.message.replacingOccurrences(of: "|", with: "\\|")
        return "| \(change) | `\(finding.checkID)` (\(finding.severity.rawValue)) | \(object) | \(message) |"
    }

    private func findings(in files: [String: [UInt8]], affectedBy changed: Set<String>) async -> (
        findings: [String: Finding], rendered: Int, failures: [String]
    ) {
        let source: PolicyEngine.FileSource = { path in
            guard let bytes = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return bytes
        }
        let releases = ChartRendering.releases(files: files.keys.sorted(), source: source).releases.filter {
            $0.isAffected(by: changed)
        }
        guard !releases.isEmpty else { return ([:], 0, []) }
        let outcome = await rendering.render(releases)
        let report = policy.run(paths: [], generated: outcome.generated, source: source)
        var found: [String: Finding] = [:]
        for finding in report.findings {
            found[
                [finding.checkID, finding.object?.description ?? "", finding.container ?? "", finding.path.description]
                    .joined(separator: "|")] = finding
        }
        return (found, outcome.generated.count, outcome.notes.map(\.message))
    }
}
