import Forge
import Foundation

/// What a stored job says to do, as JSON in the queue: which forge and repository, and the
/// kind's own parameters.
public struct JobPayload: Sendable, Codable, Equatable {
    public var forge: String
    public var repository: String
    /// The pull request (merge request); nil for scans of a branch.
    public var number: Int?
    public var headSHA: String?
    /// Commands: the comment that gave it, and its kind (`inline` for one written in a review
    /// thread; nil, from jobs stored before the kind was kept, is a conversation comment).
    public var commentID: String?
    public var commentKind: String?
    public var author: String?
    public var body: String?
    /// Commands: the author's access as the delivery stated it (`Permission`'s raw value), where
    /// the forge states it (Gitea); nil asks the forge.
    public var authorPermission: Int?
    /// Scans: the ref pushed.
    public var ref: String?

    public init(forge: ForgeKind, repository: RepositoryID, number: Int? = nil, headSHA: String? = nil, commentID: String? = nil,
                commentKind: PostedComment.Kind? = nil, author: String? = nil, body: String? = nil, authorPermission: Permission? = nil,
                ref: String? = nil) {
        self.forge = forge.rawValue
        self.repository = repository.fullName
        self.number = number
        self.headSHA = headSHA
        self.commentID = commentID
        self.commentKind = commentKind?.rawValue
        self.author = author
        self.body = body
        self.authorPermission = authorPermission?.rawValue
        self.ref = ref
    }

    public var forgeKind: ForgeKind? { ForgeKind(rawValue: forge) }
    public var repositoryID: RepositoryID? { RepositoryID(repository) }

    /// The key that keeps one job at a time on a pull request.
    public var pullRequestKey: String? { number.map { "\(forge):\(repository)#\($0)" } }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }

    public static func decode(_ data: Data) throws -> JobPayload {
        try JSONDecoder().decode(JobPayload.self, from: data)
    }
}
