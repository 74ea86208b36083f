import Fixes
import Forge
import Foundation
import GitKit
import Manifests
import Upgrades
import Vulnerabilities

/// The scheduled upgrade of one repository: read the default branch's manifests from the
/// mirror, find what is outdated, and keep one branch and pull request per add-on current:
/// opened when a newer version appears (within the open and hourly limits), updated when a
/// still newer one does (only while the branch holds nothing but the bot's commit), closed when
/// the default branch already has the version.
package struct UpgradeJob: Sendable {
    package struct Outcome: Sendable, Equatable {
        package var opened: [String] = []
        package var updated: [String] = []
        package var current: [String] = []
        package var closed: [String] = []
        /// Add-ons left alone, with why (someone else's commits, limits).
        package var leftAlone: [String: String] = [:]
    }

    package let forge: any Forge
    package let mirrors: MirrorCache
    package let planner: UpgradePlanner
    package let explainer: ChartUpgradeExplainer
    package let templates: CommentTemplates
    package let committer: Signature
    package let now: @Sendable () -> Date
    /// Renders the releases an upgrade touches at both versions (nil: Helm's library is missing).
    package var renderedEffect: UpgradeRenderedEffect?
    /// Scans each upgraded image at both tags, so the body names the advisories it fixes (nil: not scanned).
    package var imageAdvisories: UpgradeAdvisories?
    /// Where what is outdated is kept for the dashboard; nil when the dashboard is off.
    package var history: ScanHistoryRecorder?

    package init(
        forge: any Forge, mirrors: MirrorCache, planner: UpgradePlanner, explainer: ChartUpgradeExplainer,
        templates: CommentTemplates,
        committer: Signature, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.forge = forge
        self.mirrors = mirrors
        self.planner = planner
        self.explainer = explainer
        self.templates = templates
        self.committer = committer
        self.now = now
    }

    /// The default branch as the mirror holds it, and the remote state of the upgrade branches.
    struct Snapshot: Sendable {
        var base: ObjectID
        var files: [(path: String, bytes: [UInt8])]
        /// Per upgrade branch: its head, whether only the bot wrote it, and the blob id of each file.
        var branches: [String: (head: ObjectID, isOwn: Bool, blobs: [String: ObjectID])]
    }

    package func run() async throws -> Outcome {
        let details = try await forge.repositoryDetails()
        let credentials = try await forge.gitCredentials(for: mirrors)
        let snapshot = try await read(details: details, credentials: credentials)
        let report = await planner.plan(DependencyScanner.scan(contents: snapshot.files))
        let groups = AddOnUpgrade.groups(report.upgrades)
        var open = try await forge.openPullRequests(headPrefix: AddOnUpgrade.branchPrefix)
        var outcome = Outcome()
        var openedNumbers: Set<Int> = []
        var contents: [String: [UInt8]] = [:]
        for file in snapshot.files { contents[file.path] = file.bytes }
        for group in groups {
            let existing = open.first { $0.headBranch == group.branch }
            let remote = snapshot.branches[group.branch]
            if let remote, !remote.isOwn {
                outcome.leftAlone[group.addOn] = "someone else pushed to \(group.branch)"
                if let existing { try await say(.branchTaken(group), on: existing.number) }
                continue
            }
            // Renovate's rule: a pull request closed unmerged means "not this version"; a newer
            // version gets a new one. Found again by branch and title, so nothing is stored.
            if existing == nil,
                let last = try await forge.latestPullRequest(head: group.branch, base: details.defaultBranch),
                last.state == .closed, last.title == group.title
            {
                outcome.leftAlone[group.addOn] =
                    "pull request \(last.number) proposed this version and was closed without merging"
                continue
            }
            let edited = UpgradeEditor.apply(group.upgrades) { path in
                guard let bytes = contents[path] else {
                    throw UpgradeJobError("\(path) is not in \(details.defaultBranch)")
                }
                return bytes
            }
            guard !edited.files.isEmpty else { continue }
            // Current when the branch's files already read as the default branch's would after the
            // edit: a default branch that moved elsewhere does not make the bot push (and rerun CI).
            let isCurrent =
                try remote.map { branch in
                    try edited.files.allSatisfy { try branch.blobs[$0.key] == ObjectID.blob(hashing: $0.value) }
                } ?? false
            if isCurrent, existing != nil {
                outcome.current.append(group.addOn)
                continue
            }
            if existing == nil, remote == nil, let reason = limitReached(open: open, openedThisRun: openedNumbers) {
                outcome.leftAlone[group.addOn] = reason
                continue
            }
            var comparison = await chartComparison(group)
            if let renderedEffect, group.upgrades.contains(where: { $0.dependency.kind == .chart }) {
                comparison += await renderedEffect.markdown(before: contents, edited: edited.files)
            }
            if let imageAdvisories {
                comparison += await imageAdvisories.markdown(group.upgrades)
            }
            let body = UpgradePullRequestView.body(
                group, base: details.defaultBranch, chartComparison: comparison, templates: templates)
            if !isCurrent {
                try await push(
                    edited.files, for: group, onto: snapshot.base, replacing: remote?.head, cloneURL: details.cloneURL,
                    credentials: credentials)
                CrashPoint.upgradePushed.reached()
            }
            if let existing {
                try await forge.updatePullRequest(existing.number, title: group.title, body: body)
                outcome.updated.append(group.addOn)
            } else {
                let created = try await forge.createPullRequest(
                    PullRequestDraft(
                        title: group.title, body: body, head: group.branch,
                        base: details.defaultBranch, labels: ["dependencies"]))
                open.append(created)
                openedNumbers.insert(created.number)
                outcome.opened.append(group.addOn)
            }
        }
        outcome.closed = try await closeSettled(
            open: open, groups: groups, report: report, snapshot: snapshot, base: details.defaultBranch)
        // Only pull requests of branches with nothing left to update are closed: each group's stays.
        try await history?.record(
            forge: forge.kind.rawValue, repository: forge.repository.fullName, commit: snapshot.base.hex,
            upgrades: report.upgrades,
            pullRequests: Dictionary(
                groups.compactMap { group in
                    open.first { $0.headBranch == group.branch }.map { (group.addOn, $0.number) }
                }
            ) { first, _ in first })
        return outcome
    }

    private func read(details: RepositoryDetails, credentials: GitCredentials?) async throws -> Snapshot {
        let committerEmail = committer.email
        return try await mirrors.withMirror(
            of: details.cloneURL, credentials: credentials, refspecs: forge.mirrorRefspecs
        ) { mirror, _ in
            let base = try mirror.commit("refs/heads/\(details.defaultBranch)")
            var files: [(path: String, bytes: [UInt8])] = []
            for file in try mirror.files(at: base)
            where file.isRegularFile && ManifestWalker.hasManifestExtension(file.path) {
                files.append((file.path, try mirror.contents(ofBlob: file.blob)))
            }
            var branches: [String: (head: ObjectID, isOwn: Bool, blobs: [String: ObjectID])] = [:]
            for (name, head) in try mirror.remoteReferences(at: details.cloneURL, credentials: credentials)
            where name.hasPrefix("refs/heads/" + AddOnUpgrade.branchPrefix) {
                let branch = String(name.dropFirst("refs/heads/".count))
                guard let info = try? mirror.info(of: head) else { continue }
                // Ours: one commit written and committed by the bot (an amended commit keeps its
                // author but not its committer) on top of some commit of the default branch.
                let isOwn =
                    info.authorEmail == committerEmail && info.committerEmail == committerEmail
                    && info.parents.count == 1
                var blobs: [String: ObjectID] = [:]
                for file in try mirror.files(at: head) where file.isRegularFile { blobs[file.path] = file.blob }
                branches[branch] = (head, isOwn, blobs)
            }
            return Snapshot(base: base, files: files, branches: branches)
        }
    }

    private func push(
        _ files: [String: [UInt8]], for group: AddOnUpgrade, onto base: ObjectID, replacing head: ObjectID?,
        cloneURL: String, credentials: GitCredentials?
    ) async throws {
        let (committer, message, branch) = (self.committer, group.commitMessage, group.branch)
        try await mirrors.withMirror(
            of: cloneURL, credentials: credentials, refspecs: forge.mirrorRefspecs, fetch: false
        ) { mirror, _ in
            let commit = try mirror.commit(
                onTopOf: base, changes: files.mapValues { Optional($0) }, message: message, author: committer)
            try mirror.push(
                commit, to: cloneURL, branch: "refs/heads/" + branch, expecting: head, credentials: credentials)
        }
    }

    /// Renovate's limits: at most `open` upgrade pull requests at a time, `perHour` opened per hour.
    private func limitReached(open: [PullRequest], openedThisRun: Set<Int>) -> String? {
        let settings = planner.settings
        if open.count >= settings.openPullRequestLimit {
            return "\(open.count) upgrade pull requests are open (limit \(settings.openPullRequestLimit))"
        }
        let hourAgo = now().addingTimeInterval(-3_600)
        let recent = open.filter { openedThisRun.contains($0.number) || ($0.createdAt ?? .distantPast) > hourAgo }.count
        if recent >= settings.pullRequestsPerHour {
            return
                "\(recent) upgrade pull requests were opened in the last hour (limit \(settings.pullRequestsPerHour))"
        }
        return nil
    }

    /// The image an upgrade replaces and the one it writes; nil for a chart.
    private func chartComparison(_ group: AddOnUpgrade) async -> String {
        var sections: [String] = []
        var seen: Set<String> = []
        for upgrade in group.upgrades where upgrade.dependency.kind == .chart {
            guard
                seen.insert(
                    "\(upgrade.dependency.source) \(upgrade.dependency.currentValue) \(upgrade.newestAllowed ?? "")"
                ).inserted
            else { continue }
            sections.append(await explainer.explain(upgrade))
        }
        return sections.joined(separator: "\n")
    }

    /// Open upgrade pull requests whose add-on the default branch already has at the newest
    /// allowed version, or no longer pins at all. Never on a lookup failure: not knowing is not
    /// being current.
    private func closeSettled(
        open: [PullRequest], groups: [AddOnUpgrade], report: UpgradeReport, snapshot: Snapshot, base: String
    ) async throws -> [String] {
        let pending = Set(groups.map(\.branch))
        var failed: Set<String> = []
        var current: [String: Dependency] = [:]
        for failure in report.failures { failed.insert(AddOnUpgrade.branch(for: failure.dependency.addOn)) }
        for dependency in report.upToDate + report.skipped.map(\.dependency) {
            let branch = AddOnUpgrade.branch(for: dependency.addOn)
            if current[branch]?.kind != .chart { current[branch] = dependency }
        }
        var closed: [String] = []
        for pullRequest in open
        where !pending.contains(pullRequest.headBranch) && !failed.contains(pullRequest.headBranch) {
            if let remote = snapshot.branches[pullRequest.headBranch], !remote.isOwn { continue }
            let headline =
                current[pullRequest.headBranch].map {
                    "`\(base)` already has \($0.name) \($0.currentValue): nothing left to update."
                }
                ?? "`\(base)` no longer pins what this updated."
            try await forge.createComment(
                on: pullRequest.number,
                body: UpgradePullRequestView.comment(
                    "✅", headline + " Closing.", marker: UpgradePullRequestView.marker, templates: templates))
            try await forge.closePullRequest(pullRequest.number)
            closed.append(pullRequest.headBranch)
        }
        return closed
    }

    enum Notice { case branchTaken(AddOnUpgrade) }

    /// Says once (the comment is edited in place on later runs) why the bot leaves a branch alone.
    private func say(_ notice: Notice, on number: Int) async throws {
        guard case .branchTaken(let group) = notice else { return }
        let newest = group.upgrades.compactMap { upgrade in upgrade.newValue.map { "\(upgrade.dependency.name) \($0)" }
        }
        let marker = "<!-- shipshape:upgrade-left-alone -->"
        let body = UpgradePullRequestView.comment(
            "✋", "Someone else pushed to `\(group.branch)`, so Shipshape leaves it alone.",
            note: "Newest allowed now: " + Array(Set(newest)).sorted().joined(separator: ", ")
                + ". Delete the branch to let Shipshape recreate it.",
            marker: marker, templates: templates)
        _ = try await forge.upsertComment(on: number, marker: marker, body: body, author: try await forge.botLogin())
    }
}

struct UpgradeJobError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
