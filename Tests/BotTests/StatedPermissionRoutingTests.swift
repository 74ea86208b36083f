import Bot
import Forge
import Testing

/// A command's job keeps the author's access a Gitea delivery stated, so the worker that runs it
/// later need not ask Gitea's admin-only permission endpoint.
@Suite struct StatedPermissionRoutingTests {
    @Test func theStatedAccessTravelsWithTheCommandJob() throws {
        let event = CommentEvent(
            repository: RepositoryID(owner: "acme", name: "shop"), number: 1, commentID: "31", author: "alice",
            authorIsBot: false, body: "/shipshape fix", authorPermission: .write)
        let delivery = WebhookDelivery(forge: .gitea, id: "d1", event: "issue_comment", webEvent: .comment(event))
        guard case .jobs(let jobs) = EventRouting().decide(delivery), let job = jobs.first else {
            Issue.record("the command started no job")
            return
        }
        let payload = try JobPayload.decode(job.payload, kind: .command)
        #expect(payload.command?.authorPermission == .write)

        var unstated = event
        unstated.authorPermission = nil
        guard
            case .jobs(let others) = EventRouting().decide(
                WebhookDelivery(forge: .github, id: "d2", event: "issue_comment", webEvent: .comment(unstated))),
            let other = others.first
        else {
            Issue.record("the command started no job")
            return
        }
        #expect(
            try JobPayload.decode(other.payload, kind: .command).command?.authorPermission == nil,
            "nothing stated: the forge is asked")
    }
}
