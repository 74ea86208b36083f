/// Where each forge puts the event name and the delivery id, in order of preference.
struct WebhookHeaderNames {
    let event: [String]
    /// Gitea's fine-grained event type (`pull_request_sync`, `pull_request_comment`); empty elsewhere.
    let eventType: [String]
    let delivery: [String]

    init(forge: ForgeKind) {
        switch forge {
        case .github:
            event = ["X-GitHub-Event"]
            eventType = []
            delivery = ["X-GitHub-Delivery"]
        case .gitea:
            // Gitea sends the same values under its own, Gogs' and GitHub's names; Forgejo adds its own.
            event = ["X-Gitea-Event", "X-Forgejo-Event", "X-Gogs-Event", "X-GitHub-Event"]
            eventType = ["X-Gitea-Event-Type", "X-Forgejo-Event-Type", "X-Gogs-Event-Type", "X-GitHub-Event-Type"]
            delivery = ["X-Gitea-Delivery", "X-Forgejo-Delivery", "X-Gogs-Delivery", "X-GitHub-Delivery"]
        case .gitlab:
            event = ["X-Gitlab-Event"]
            eventType = []
            // Idempotency-Key is the one GitLab documents as unchanged across retries of a delivery, which
            // is what de-duplication needs; X-Gitlab-Event-UUID is the fallback for GitLab versions that
            // do not send it. X-Gitlab-Webhook-UUID names the webhook, not the delivery: never an id.
            delivery = ["Idempotency-Key", "X-Gitlab-Event-UUID"]
        }
    }
}
