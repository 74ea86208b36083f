import Forge

/// Which jobs a webhook delivery asks for. Drafts wait until they are ready; comments by bots
/// (the bot itself included) and comments that are not commands start nothing.
package struct EventRouting: Sendable {
    /// Review pushes to the default branch too (a whole-tree scan).
    package var scanDefaultBranch: Bool
    package var reviewDrafts: Bool

    package init(scanDefaultBranch: Bool = false, reviewDrafts: Bool = false) {
        self.scanDefaultBranch = scanDefaultBranch
        self.reviewDrafts = reviewDrafts
    }

    package enum Decision: Sendable, Equatable {
        case jobs([NewJob])
        /// Nothing to do, and why (answered 204).
        case nothing(String)
    }

    package func decide(_ delivery: WebhookDelivery) -> Decision {
        let forge = delivery.forge
        switch delivery.webEvent {
        case .pullRequest(let event):
            if event.isDraft && !reviewDrafts { return .nothing("draft pull request") }
            return .jobs([review(forge, event.repository, event.number, event.headSHA, delivery.id)])
        case .comment(let event):
            guard !event.authorIsBot else { return .nothing("comment by a bot") }
            guard SlashCommandParser.parse(event.body, knownChecks: []) != .notACommand else {
                return .nothing("comment without a command")
            }
            let request = JobPayload.CommandRequest(
                number: event.number, commentID: event.commentID, commentKind: event.kind, author: event.author,
                body: event.body, authorPermission: event.authorPermission)
            let payload = JobPayload(forge: forge, repository: event.repository, work: .command(request))
            return .jobs([
                NewJob(
                    kind: .command, payload: payload.encoded(), pullRequestKey: payload.pullRequestKey,
                    deliveryID: delivery.id)
            ])
        case .checkRerun(let repository, let headSHA, let numbers):
            guard !numbers.isEmpty else { return .nothing("re-run of a check without a pull request") }
            // One delivery may name several pull requests; each job keeps a delivery id of its own.
            return .jobs(
                numbers.map {
                    review(forge, repository, $0, headSHA, numbers.count == 1 ? delivery.id : "\(delivery.id)#\($0)")
                })
        case .push(let repository, let ref, let after, let isDefaultBranch):
            guard isDefaultBranch, scanDefaultBranch else { return .nothing("push to \(ref)") }
            let payload = JobPayload(forge: forge, repository: repository, work: .scan(headSHA: after, ref: ref))
            return .jobs([NewJob(kind: .scan, payload: payload.encoded(), deliveryID: delivery.id)])
        case .installation(_, let action, let account, _):
            return .nothing("installation \(action) for \(account)")
        case .ping:
            return .nothing("ping")
        case .ignored(let reason):
            return .nothing(reason)
        }
    }

    private func review(
        _ forge: ForgeKind, _ repository: RepositoryID, _ number: Int, _ headSHA: String, _ deliveryID: String
    ) -> NewJob {
        let payload = JobPayload(forge: forge, repository: repository, work: .review(number: number, headSHA: headSHA))
        return NewJob(
            kind: .review, payload: payload.encoded(), pullRequestKey: payload.pullRequestKey, headSHA: headSHA,
            deliveryID: deliveryID)
    }
}
