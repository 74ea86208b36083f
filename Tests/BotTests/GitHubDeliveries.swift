import Foundation
import ShipshapeTesting

/// GitHub deliveries for the stand-in's pull request, made from the official example payloads
/// with the repository, numbers and commits changed, signed (by openssl) as sent.
enum GitHubDeliveries {
    static func example(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: SharedData.forge.appending(path: "github/webhooks/" + relative))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func repository(_ original: Any?) -> [String: Any] {
        var repository = original as? [String: Any] ?? [:]
        var owner = repository["owner"] as? [String: Any] ?? [:]
        owner["login"] = "acme"
        repository["owner"] = owner
        repository["name"] = "shop"
        repository["full_name"] = "acme/shop"
        repository["default_branch"] = "main"
        return repository
    }

    static func pullRequest(action: String, number: Int, headSHA: String) throws -> Data {
        var payload = try example("pull_request/opened.payload.json")
        payload["action"] = action
        payload["number"] = number
        payload["repository"] = repository(payload["repository"])
        var pull = payload["pull_request"] as? [String: Any] ?? [:]
        pull["number"] = number
        pull["draft"] = false
        var head = pull["head"] as? [String: Any] ?? [:]
        head["sha"] = headSHA
        head["ref"] = "pr"
        head["repo"] = repository(head["repo"])
        pull["head"] = head
        var base = pull["base"] as? [String: Any] ?? [:]
        base["ref"] = "main"
        base["repo"] = repository(base["repo"])
        pull["base"] = base
        payload["pull_request"] = pull
        return try JSONSerialization.data(withJSONObject: payload)
    }

    static func comment(id: String, body: String, author: String, number: Int) throws -> Data {
        var payload = try example("issue_comment/created.payload.json")
        payload["repository"] = repository(payload["repository"])
        var comment = payload["comment"] as? [String: Any] ?? [:]
        comment["id"] = Int(id) ?? 0
        comment["body"] = body
        var user = comment["user"] as? [String: Any] ?? [:]
        user["login"] = author
        user["type"] = "User"
        comment["user"] = user
        payload["comment"] = comment
        var issue = payload["issue"] as? [String: Any] ?? [:]
        issue["number"] = number
        issue["pull_request"] = ["url": "https://api.github.com/repos/acme/shop/pulls/\(number)"]
        payload["issue"] = issue
        return try JSONSerialization.data(withJSONObject: payload)
    }

    /// A push of `after` to `ref` (not a new branch, not a deletion).
    static func push(ref: String, after: String) throws -> Data {
        var payload = try example("push/payload.json")
        payload["ref"] = ref
        payload["after"] = after
        payload["created"] = false
        payload["deleted"] = false
        payload["repository"] = repository(payload["repository"])
        return try JSONSerialization.data(withJSONObject: payload)
    }

    static func headers(event: String, body: Data, secret: String) throws -> [String: String] {
        [
            "X-GitHub-Event": event, "X-GitHub-Delivery": UUID().uuidString, "Content-Type": "application/json",
            "X-Hub-Signature-256": "sha256=" + (try OpenSSLTool.hmacSHA256(key: secret, data: body)),
        ]
    }
}
