import Forge
import Foundation
import ShipshapeTesting

/// Signed webhook deliveries for the stand-in's pull request, as each forge sends them: GitHub's
/// and Gitea's (GitHub-shaped) from GitHub's example payloads, GitLab's from GitLab's documented
/// examples, with the repository, numbers and commits changed.
struct ForgeDelivery {
    var path: String
    var headers: [String: String]
    var body: Data

    enum Action { case opened, synchronized }

    static func pullRequest(
        _ flavor: TestForgeState.Flavor, _ action: Action, number: Int, headSHA: String, secret: String
    ) throws -> ForgeDelivery {
        switch flavor {
        case .github:
            let body = try GitHubDeliveries.pullRequest(
                action: action == .opened ? "opened" : "synchronize", number: number, headSHA: headSHA)
            return ForgeDelivery(
                path: "/webhooks/github",
                headers: try GitHubDeliveries.headers(event: "pull_request", body: body, secret: secret), body: body)
        case .gitea:
            let body = try GitHubDeliveries.pullRequest(
                action: action == .opened ? "opened" : "synchronized", number: number, headSHA: headSHA)
            return gitea(
                event: "pull_request", type: action == .opened ? "pull_request" : "pull_request_sync", body: body,
                secret: secret)
        case .gitlab:
            var payload = try gitLabExample("merge_request/merge_request.open.json")
            var attributes = payload["object_attributes"] as? [String: Any] ?? [:]
            attributes["iid"] = number
            attributes["action"] = action == .opened ? "open" : "update"
            if action == .synchronized { attributes["oldrev"] = String(repeating: "0", count: 40) }
            attributes["draft"] = false
            var lastCommit = attributes["last_commit"] as? [String: Any] ?? [:]
            lastCommit["id"] = headSHA
            attributes["last_commit"] = lastCommit
            payload["object_attributes"] = attributes
            return gitLab(event: "Merge Request Hook", payload: payload, secret: secret)
        }
    }

    /// `role`: the author's role on the forge, which a Gitea delivery states (see `giteaStated`).
    static func comment(
        _ flavor: TestForgeState.Flavor, id: String, body text: String, author: String, number: Int,
        role: String? = nil,
        secret: String
    ) throws -> ForgeDelivery {
        switch flavor {
        case .github:
            let body = try GitHubDeliveries.comment(id: id, body: text, author: author, number: number)
            return ForgeDelivery(
                path: "/webhooks/github",
                headers: try GitHubDeliveries.headers(event: "issue_comment", body: body, secret: secret), body: body)
        case .gitea:
            let body = try giteaStated(
                role, of: author, in: GitHubDeliveries.comment(id: id, body: text, author: author, number: number))
            return gitea(event: "issue_comment", type: "pull_request_comment", body: body, secret: secret)
        case .gitlab:
            var payload = try gitLabExample("note/merge_request.create.json")
            var attributes = payload["object_attributes"] as? [String: Any] ?? [:]
            attributes["id"] = Int(id) ?? 0
            attributes["note"] = text
            attributes["noteable_type"] = "MergeRequest"
            payload["object_attributes"] = attributes
            var mergeRequest = payload["merge_request"] as? [String: Any] ?? [:]
            mergeRequest["iid"] = number
            payload["merge_request"] = mergeRequest
            var user = payload["user"] as? [String: Any] ?? [:]
            user["username"] = author
            payload["user"] = user
            return gitLab(event: "Note Hook", payload: payload, secret: secret)
        }
    }

    /// Gitea writes the commenter (`sender`) and the commenter's own access to the repository
    /// (`repository.permissions`) into a comment's delivery (services/webhook/notifier.go).
    private static func giteaStated(_ role: String?, of author: String, in body: Data) throws -> Data {
        guard var payload = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { return body }
        var sender = payload["sender"] as? [String: Any] ?? [:]
        sender["login"] = author
        payload["sender"] = sender
        var repository = payload["repository"] as? [String: Any] ?? [:]
        let writes = ["admin", "maintain", "write"].contains(role ?? "")
        repository["permissions"] = ["admin": role == "admin", "push": writes, "pull": role != nil]
        payload["repository"] = repository
        return try JSONSerialization.data(withJSONObject: payload)
    }

    private static func gitea(event: String, type: String, body: Data, secret: String) -> ForgeDelivery {
        var headers = WebhookSigner.headers(forge: .gitea, body: body, secret: secret)
        headers["X-Gitea-Event"] = event
        headers["X-Gitea-Event-Type"] = type
        headers["X-Gitea-Delivery"] = UUID().uuidString
        headers["Content-Type"] = "application/json"
        return ForgeDelivery(path: "/webhooks/gitea", headers: headers, body: body)
    }

    private static func gitLabExample(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: SharedData.forge.appending(path: "gitlab/webhooks/docs/" + relative))
        var payload = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        var project = payload["project"] as? [String: Any] ?? [:]
        project["path_with_namespace"] = ForgeSession.repository
        payload["project"] = project
        return payload
    }

    private static func gitLab(event: String, payload: [String: Any], secret: String) -> ForgeDelivery {
        let body = (try? JSONSerialization.data(withJSONObject: payload)) ?? Data()
        let headers = [
            "X-Gitlab-Event": event, "X-Gitlab-Token": secret, "Idempotency-Key": UUID().uuidString,
            "X-Gitlab-Event-UUID": UUID().uuidString, "Content-Type": "application/json",
        ]
        return ForgeDelivery(path: "/webhooks/gitlab", headers: headers, body: body)
    }
}
