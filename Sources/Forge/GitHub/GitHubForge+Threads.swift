import Foundation
import HTTPKit
import JSONKit

/// Review threads through GitHub's GraphQL API (docs.github.com/en/graphql): REST can neither
/// resolve a thread nor say whether one is resolved. GraphQL lives at /graphql on api.github.com
/// and at /api/graphql on GitHub Enterprise Server (whose REST root is /api/v3).
extension GitHubForge {
    /// At most this many pages of 100 threads are read.
    static let maximumThreadPages = 50

    /// Resolves the thread that starts with `comment` (the bot's finding comments start theirs).
    package func resolve(_ comment: PostedComment, on number: Int) async throws {
        guard let thread = try await reviewThreads(on: number).first(where: { $0.rootCommentID == comment.id }) else {
            throw ForgeError.notFound(
                "the review thread of comment \(comment.id) on pull request \(number) of \(repository)")
        }
        guard !thread.isResolved else { return }
        let mutation =
            "mutation($threadId: ID!) { resolveReviewThread(input: {threadId: $threadId}) { thread { id isResolved } } }"
        _ = try await graphQL(mutation, variables: ["threadId": .string(thread.id)], as: Ignored.self)
    }

    struct ReviewThread: Equatable {
        var id: String
        var isResolved: Bool
        /// The REST id of the thread's first comment.
        var rootCommentID: String
    }

    func reviewThreads(on number: Int) async throws -> [ReviewThread] {
        let query = """
            query($owner: String!, $name: String!, $number: Int!, $after: String) { repository(owner: $owner, name: $name) { \
            pullRequest(number: $number) { reviewThreads(first: 100, after: $after) { pageInfo { hasNextPage endCursor } \
            nodes { id isResolved comments(first: 1) { nodes { databaseId } } } } } } }
            """
        var threads: [ReviewThread] = []
        var cursor: JSONValue = .null
        for _ in 0..<Self.maximumThreadPages {
            let connection = try await graphQL(
                query,
                variables: [
                    "owner": .string(repository.owner), "name": .string(repository.name),
                    "number": JSONValue(number), "after": cursor,
                ], as: GitHubAnswers.ReviewThreads.self
            ).repository.pullRequest.reviewThreads
            for node in connection.nodes {
                // A thread whose first comment was deleted has none to be found by.
                guard let root = node.comments.nodes.first?.databaseId.text else { continue }
                threads.append(ReviewThread(id: node.id, isResolved: node.isResolved, rootCommentID: root))
            }
            guard connection.pageInfo.hasNextPage, let end = connection.pageInfo.endCursor else { return threads }
            cursor = .string(end)
        }
        return threads
    }

    /// The `data` of a GraphQL answer; its `errors` (sent with status 200) become a ForgeError.
    func graphQL<Answer: Decodable>(_ query: String, variables: [String: JSONValue], as data: Answer.Type) async throws
        -> Answer
    {
        let path = graphQLAPI.root.path + "/graphql"
        let answer = try await graphQLAPI.send(
            .post, "/graphql", body: ["query": .string(query), "variables": .object(variables)],
            as: GitHubAnswers.GraphQL<Answer>.self)
        if let errors = answer.errors, !errors.isEmpty {
            throw ForgeError.status(
                code: 200, method: "POST", path: path, message: errors.map(\.message).joined(separator: "; "))
        }
        guard let data = answer.data else {
            throw ForgeError.unreadableResponse(method: "POST", path: path, reason: "github's answer has no `data`")
        }
        return data
    }

    private var graphQLAPI: ForgeAPI {
        var root = api.root
        if root.path.hasSuffix("/api/v3") { root = root.deletingLastPathComponent() }
        return ForgeAPI(
            root: root, client: api.client, credentials: api.credentials, fixedHeaders: Self.fixedHeaders,
            forge: .github)
    }
}
