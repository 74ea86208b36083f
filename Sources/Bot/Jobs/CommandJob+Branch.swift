import Fixes
import Forge
import GitKit
import Policy
import Review

/// `fix` and `ignore`: review the pull request's head in the mirror, build the change, commit it
/// on top of the head in memory, and push it to the head branch only if the branch is still at
/// that head, so a commit pushed by a person meanwhile is never overwritten.
extension CommandJob {
    /// What happened in the mirror.
    struct BranchWork: Sendable {
        var change: BranchChange
        var head: String
        var selected: Int
        var commit: String?
        /// The push the Git server or the lease refused.
        var pushError: GitError?
        /// When the head branch refused the push (a protected branch): the branch of the same
        /// repository the commit went to instead, for a fix-up pull request into the head branch.
        var fixUpBranch: String?
        /// The command with its check ids as the review's checks spell them, or why it names
        /// no check (a typo, a custom check the repository does not define).
        var resolved: Result<SlashCommand, SlashCommandParser.UnknownCheck>
    }

    func changeBranch(_ requested: SlashCommand, number: Int, commentID: String, author: String) async throws
        -> Answer
    {
        let pullRequest = try await forge.pullRequest(number)
        guard pullRequest.state == .open else {
            return Answer(
                reaction: .confused,
                body: replies.reply("😕", "\(reference(number)) is \(pullRequest.state.rawValue): nothing to change."),
                result: .failed("the \(forge.kind.changeRequestName) is \(pullRequest.state.rawValue)"))
        }
        let base = try pullRequest.requiredBaseSHA()
        let credentials = try await forge.gitCredentials(for: mirrors)
        let destination = PushDestination(pullRequest)
        let defaultReason = "accepted by \(author) in \(reference(number))"
        let approved = try await ExemptionApprovals.read(from: forge, number: number)
        let (engine, filter, committer) = (self.engine, self.filter, self.committer)
        let work = try await mirrors.withMirror(
            of: pullRequest.cloneURL, credentials: credentials, refspecs: forge.mirrorRefspecs
        ) { mirror, _ in
            // This command's commit, when an earlier run pushed it and stopped before answering:
            // the change is worked out again on its parent, and reported instead of made twice.
            let earlier = try Self.earlierCommit(
                for: commentID, destination: destination, number: pullRequest.number, in: mirror,
                credentials: credentials)
            let head =
                if let parent = earlier?.parent { parent.hex } else if (try? mirror.commit(pullRequest.headSHA)) != nil
                { pullRequest.headSHA } else { pullRequest.headRef }
            let review = try engine.review(
                ReviewRequest(base: base, head: head, filter: filter, approvedExemptions: approved),
                in: mirror)
            let headCommit = try mirror.commit(review.head)
            let known = Catalogue.ids.union(review.checksDefinedAtRunTime.map(\.id))
            let resolved = SlashCommandParser.resolve(requested, knownChecks: known)
            guard case .success(let command) = resolved else {
                return BranchWork(change: BranchChange(), head: headCommit.hex, selected: 0, resolved: resolved)
            }
            let headFile: (String) -> [UInt8]? = { path in try? mirror.contents(of: path, at: headCommit) }
            let change: BranchChange
            let title: String
            let selected: Int
            switch command {
            case .ignore(let checkID, let reason):
                change = ExemptionChanges.make(
                    review: review, checkID: checkID, reason: reason ?? defaultReason, headFile: headFile)
                selected = review.comments.filter { $0.finding.checkID == checkID }.count
                title = "Exempt \(plural(change.changes.count, "object")) from \(checkID) (shipshape)"
            default:
                let checks = if case .fix(let ids) = command { ids } else { [String]() }
                change = FixChanges.make(review: review, checks: checks, headFile: headFile)
                selected = review.comments.filter { checks.isEmpty || checks.contains($0.finding.checkID) }.count
                title = "Fix \(plural(change.changes.count, "finding")) (shipshape)"
            }
            var work = BranchWork(change: change, head: headCommit.hex, selected: selected, resolved: resolved)
            guard !change.isEmpty else { return work }
            if let earlier {
                work.commit = earlier.commit.hex
                work.fixUpBranch = earlier.fixUpBranch
                return work
            }
            let commit = try mirror.commit(
                onTopOf: headCommit, changes: change.files.mapValues { Optional($0) },
                message: CommandCommit.message(change, title: title, commentID: commentID), author: committer)
            work.commit = commit.hex
            switch destination {
            case .sameRepository(let url, let branch), .fork(let url, let branch):
                do {
                    try mirror.push(commit, to: url, branch: branch, expecting: headCommit, credentials: credentials)
                    CrashPoint.commandPushed.reached()
                } catch let error as GitError {
                    switch error.kind {
                    case .pushRejected:
                        guard case .sameRepository = destination else {
                            work.pushError = error
                            break
                        }
                        let fixUp = Self.fixUpBranchPrefix(pullRequest.number) + commit.short
                        do {
                            try mirror.push(
                                commit, to: url, branch: "refs/heads/" + fixUp, expecting: nil, credentials: credentials
                            )
                            CrashPoint.commandPushed.reached()
                            work.fixUpBranch = fixUp
                        } catch let refused as GitError {
                            work.pushError = refused
                        }
                    case .leaseConflict: work.pushError = error
                    default: throw error
                    }
                }
            case .none:
                break
            }
            return work
        }
        let command: SlashCommand
        switch work.resolved {
        case .success(let resolved): command = resolved
        case .failure(let unknown):
            return Answer(reaction: .confused, body: replies.help(problem: unknown.description), result: .answered)
        }
        var answer: Answer
        if let fixUp = work.fixUpBranch, let commit = work.commit {
            answer = try await openFixUp(fixUp, commit: commit, work: work, command: command, pullRequest: pullRequest)
        } else {
            answer = self.answer(for: work, command: command, pullRequest: pullRequest, destination: destination)
        }
        // The exemptions committed (or offered as a diff) at the request of someone allowed to:
        // recorded where only the bot writes, so the next reviews count them.
        if command.verb == .ignore, work.commit != nil, work.pushError == nil {
            answer.body +=
                "\n" + work.change.approvedExemptions.map(ExemptionApprovals.marker).joined(separator: "\n") + "\n"
        }
        return answer
    }

    /// The head branch would not take the commit: it goes to the branch of its own, and a pull
    /// request proposes it to the head branch.
    private func openFixUp(
        _ branch: String, commit: String, work: BranchWork, command: SlashCommand,
        pullRequest: PullRequest
    ) async throws -> Answer {
        let isFix = command.verb == .fix
        let what = isFix ? "Fixes" : "Exemptions"
        let draft = PullRequestDraft(
            title: "\(what) for \(reference(pullRequest.number)) (shipshape)",
            body:
                "Shipshape could not push to `\(pullRequest.headBranch)`; this proposes its commit for \(reference(pullRequest.number)).\n\n"
                + work.change.changes.map { "- \($0)" }.joined(separator: "\n"),
            head: branch, base: pullRequest.headBranch)
        // Open already when an earlier run of the command stopped after opening it.
        let opened: PullRequest
        if let open = try await forge.openPullRequest(head: branch, base: pullRequest.headBranch) {
            opened = open
        } else {
            opened = try await forge.createPullRequest(draft)
            CrashPoint.commandFixUpOpened.reached()
        }
        let headline =
            "The branch `\(pullRequest.headBranch)` would not take the commit, so `\(commit.prefix(7))` is on `\(branch)`, "
            + "proposed to it in \(reference(opened.number))."
        return Answer(
            reaction: .rocket,
            body: replies.reply("🚀", headline, changes: work.change.changes, skipped: work.change.skipped),
            result: .pushed(commit: commit, url: pullRequest.cloneURL, branch: branch), changes: work.change.changes)
    }

    private func answer(
        for work: BranchWork, command: SlashCommand, pullRequest: PullRequest, destination: PushDestination
    ) -> Answer {
        let change = work.change
        let branch = "`\(pullRequest.headBranch)`"
        let head = "`\(work.head.prefix(7))`"
        let isFix = command.verb == .fix
        if change.isEmpty {
            if work.selected == 0 {
                let headline =
                    isFix
                    ? "Nothing to fix: no finding\(fixScope(command)) on the lines this \(forge.kind.changeRequestName) changes."
                    : "Nothing to ignore: no \(ignoredCheck(command)) finding on the lines this \(forge.kind.changeRequestName) changes."
                return Answer(reaction: .rocket, body: replies.reply("✅", headline), result: .nothingToChange)
            }
            let headline =
                "None of the \(plural(work.selected, "finding")) on the changed lines could be \(isFix ? "fixed automatically" : "annotated")."
            return Answer(
                reaction: .confused, body: replies.reply("😕", headline, skipped: change.skipped),
                result: .failed(headline))
        }
        let done =
            isFix
            ? "fixed \(plural(change.changes.count, "finding"))"
            : "exempted \(plural(change.changes.count, "object")) from `\(ignoredCheck(command))`"
        if let error = work.pushError {
            let headline: String
            if case .leaseConflict(_, let actual) = error.kind {
                headline =
                    "The branch \(branch) moved while Shipshape worked on \(head) (it is at `\(actual?.short ?? "nothing")` now), so nothing was pushed "
                    + "and no commit was overwritten. Run the command again to work on the new head."
            } else {
                headline = "The Git server refused the push to \(branch): \(error.message). Nothing was changed."
            }
            return Answer(
                reaction: .confused, body: replies.reply("😕", headline), result: .failed(headline),
                changes: change.changes)
        }
        guard let commit = work.commit else {
            return Answer(
                reaction: .confused, body: replies.reply("😕", "No commit was made."), result: .failed("no commit"))
        }
        switch destination {
        case .sameRepository(let url, let ref), .fork(let url, let ref):
            let place = if case .fork = destination { "\(branch) of the fork" } else { branch }
            return Answer(
                reaction: .rocket,
                body: replies.reply(
                    "🚀", "Pushed `\(commit.prefix(7))` on top of \(head) to \(place): \(done).",
                    changes: change.changes,
                    skipped: change.skipped, note: "The next review runs on the new commit."),
                result: .pushed(commit: commit, url: url, branch: ref), changes: change.changes)
        case .none(let reason):
            let diff = change.files.keys.sorted().map { path in
                do {
                    return try UnifiedDiff.render(
                        old: change.originals[path] ?? [], new: change.files[path] ?? [], path: path)
                } catch {
                    return "(no diff of \(path): \(error))\n"
                }
            }.joined()
            return Answer(
                reaction: .rocket,
                body: replies.reply(
                    "💡", "Shipshape \(done) on \(head) but did not push it.", changes: change.changes,
                    skipped: change.skipped, diff: diff.hasSuffix("\n") ? String(diff.dropLast()) : diff, note: reason),
                result: .suggested, changes: change.changes)
        }
    }

    /// Where a fix-up branch of pull request `number` is named: this, then the commit's short id.
    static func fixUpBranchPrefix(_ number: Int) -> String { "shipshape/fix/\(number)-" }

    /// The commit an earlier run of the command `commentID` pushed to the head branch (or to a
    /// fix-up branch), with its parent, the head it was made on.
    static func earlierCommit(
        for commentID: String, destination: PushDestination, number: Int, in mirror: Repository,
        credentials: GitCredentials?
    ) throws -> (commit: ObjectID, parent: ObjectID, fixUpBranch: String?)? {
        let url: String
        let branch: String
        switch destination {
        case .sameRepository(let to, let ref), .fork(let to, let ref): (url, branch) = (to, ref)
        case .none: return nil
        }
        let references = try mirror.remoteReferences(at: url, credentials: credentials)
        let fixUps = "refs/heads/" + fixUpBranchPrefix(number)
        // The head branch first, then the fix-up branches of this pull request.
        let candidates =
            references.filter { $0.key == branch }.map { (name: $0.key, tip: $0.value) }
            + references.filter { $0.key.hasPrefix(fixUps) }.sorted { $0.key < $1.key }.map {
                (name: $0.key, tip: $0.value)
            }
        guard let found = CommandCommit.find(for: commentID, on: candidates, in: mirror),
            let parent = try mirror.info(of: found.commit).parents.first
        else { return nil }
        return (
            found.commit, parent, found.branch == branch ? nil : String(found.branch.dropFirst("refs/heads/".count))
        )
    }

    private func fixScope(_ command: SlashCommand) -> String {
        guard case .fix(let ids) = command, !ids.isEmpty else { return "" }
        return " of " + ids.map { "`\($0)`" }.joined(separator: ", ")
    }

    private func ignoredCheck(_ command: SlashCommand) -> String {
        if case .ignore(let checkID, _) = command { return checkID }
        return ""
    }
}

/// "1 finding", "3 findings".
private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
