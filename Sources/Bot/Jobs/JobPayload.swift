import Forge
import Foundation

/// What a stored job says to do: which forge and repository, and what its kind needs. Kept in
/// the queue as one flat JSON object with the keys it has had since the first version, so jobs an
/// earlier version queued still run; read back with the job's kind, and a field that kind needs
/// and the object lacks is an error naming it.
package struct JobPayload: Sendable, Equatable {
    package enum Work: Sendable, Equatable {
        /// `headSHA`: the head the review was asked for (the review reads the newest head).
        case review(number: Int, headSHA: String)
        case command(CommandRequest)
        /// The commit pushed, else the ref; neither: the default branch's head (a schedule).
        case scan(headSHA: String?, ref: String?)
        case upgrade
        /// The default branch's images, scanned for the repository's vulnerable-images issue.
        case scanImages
    }

    /// A slash command: the comment that gave it, and who wrote it.
    package struct CommandRequest: Sendable, Equatable {
        package var number: Int
        package var commentID: String
        /// `inline` for one written in a review thread.
        package var commentKind: PostedComment.Kind
        package var author: String
        package var body: String
        /// The author's access as the delivery stated it, where the forge states it (Gitea); nil asks the forge.
        package var authorPermission: Permission?

        package init(
            number: Int, commentID: String, commentKind: PostedComment.Kind, author: String, body: String,
            authorPermission: Permission? = nil
        ) {
            self.number = number
            self.commentID = commentID
            self.commentKind = commentKind
            self.author = author
            self.body = body
            self.authorPermission = authorPermission
        }
    }

    package var forge: ForgeKind
    package var repository: RepositoryID
    package var work: Work

    package init(forge: ForgeKind, repository: RepositoryID, work: Work) {
        self.forge = forge
        self.repository = repository
        self.work = work
    }

    package var kind: JobKind {
        switch work {
        case .review: .review
        case .command: .command
        case .scan: .scan
        case .upgrade: .upgrade
        case .scanImages: .scanImages
        }
    }

    /// The pull request it is about, if any.
    package var number: Int? {
        switch work {
        case .review(let number, _): number
        case .command(let request): request.number
        case .scan, .upgrade, .scanImages: nil
        }
    }

    package var command: CommandRequest? {
        guard case .command(let request) = work else { return nil }
        return request
    }

    /// The key that keeps one job at a time on a pull request.
    package var pullRequestKey: String? { number.map { "\(forge.rawValue):\(repository.fullName)#\($0)" } }

    package func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(StoredJobPayload(self))) ?? Data()
    }

    package static func decode(_ data: Data, kind: JobKind) throws -> JobPayload {
        try JSONDecoder().decode(StoredJobPayload.self, from: data).payload(kind: kind)
    }
}

/// A payload that cannot be read back, naming what is missing or wrong.
package struct JobPayloadError: Error, CustomStringConvertible {
    package var description: String
}
