import Foundation

/// The two GraphQL operations the bot uses (docs.github.com/en/graphql): a pull request's
/// `reviewThreads` (id, isResolved, the first comment's `databaseId`), paged by `first`/`after`,
/// and the `resolveReviewThread` mutation. A thread is a top-level review comment and its replies.
/// The stand-in reads which operation a request is by the field it names and takes its arguments
/// from `variables`; errors come back as GraphQL's `errors` list with status 200, as GitHub's do.
enum GitHubGraphQL {
    static func handle(_ store: ForgeStore, _ call: ForgeCall) throws -> ServedResponse {
        guard let query = call.string("query") else {
            return failure("A query attribute must be specified and must be a string.")
        }
        let variables = call.arguments["variables"] as? [String: Any] ?? [:]
        if query.contains("resolveReviewThread") { return resolve(store, call, variables: variables) }
        if query.contains("reviewThreads") { return threads(store, variables: variables) }
        return failure("The stand-in knows reviewThreads and resolveReviewThread only.")
    }

    /// `variables`: owner, name, number, first (at most 100), after (a cursor from `endCursor`).
    private static func threads(_ store: ForgeStore, variables: [String: Any]) -> ServedResponse {
        guard let owner = variables["owner"] as? String, let name = variables["name"] as? String,
            let number = ForgeCall.integer(variables["number"]),
            let pull = try? store.pullRequest("\(owner)/\(name)", number)
        else {
            return failure("Could not resolve to a PullRequest.")
        }
        let first = min(ForgeCall.integer(variables["first"]) ?? 100, 100)
        let start = (variables["after"] as? String).flatMap(Int.init) ?? 0
        let roots = store.comments(pull.repository, pull.number, kind: .inline).filter { $0.inReplyTo == nil }
        let page = roots.dropFirst(start).prefix(first)
        let json = GitHubJSON(store: store)
        let nodes: [[String: Any]] = page.map { root in
            [
                "id": json.nodeID("PullRequestReviewThread", root.id), "isResolved": root.resolved,
                "comments": ["nodes": [["databaseId": root.id]]],
            ]
        }
        let end = start + page.count
        let connection: [String: Any] = [
            "nodes": nodes, "pageInfo": ["hasNextPage": end < roots.count, "endCursor": String(end)],
        ]
        return .json(200, ["data": ["repository": ["pullRequest": ["reviewThreads": connection]]]])
    }

    /// `variables`: threadId. Resolving needs write access (or authorship of the pull request).
    private static func resolve(_ store: ForgeStore, _ call: ForgeCall, variables: [String: Any]) -> ServedResponse {
        let json = GitHubJSON(store: store)
        guard let threadID = variables["threadId"] as? String,
            let root = store.comments.first(where: {
                $0.kind == .inline && $0.inReplyTo == nil && json.nodeID("PullRequestReviewThread", $0.id) == threadID
            }),
            let pull = try? store.pullRequest(root.repository, root.pullRequest)
        else {
            return failure("Could not resolve to a node with the global id of '\(variables["threadId"] ?? "")'.")
        }
        guard call.user.has(atLeast: "write") || pull.author == call.user.login else {
            return failure("Resource not accessible by integration")
        }
        for comment in store.comments where comment === root || comment.inReplyTo == root.id {
            comment.resolved = true
            comment.resolvedBy = call.user.login
        }
        return .json(200, ["data": ["resolveReviewThread": ["thread": ["id": threadID, "isResolved": true]]]])
    }

    private static func failure(_ message: String) -> ServedResponse {
        .json(200, ["data": NSNull(), "errors": [["message": message]]])
    }
}
