import Forge

/// `JobPayload` as the queue stores it: every kind's fields in one flat object, those a kind does
/// not use left out. These keys and their meaning stay as they are (jobs outlive versions).
struct StoredJobPayload: Codable {
    var forge: String
    var repository: String
    var number: Int?
    var headSHA: String?
    var commentID: String?
    /// Nil (jobs stored before the kind was kept) is a conversation comment.
    var commentKind: String?
    var author: String?
    var body: String?
    /// `Permission`'s raw value.
    var authorPermission: Int?
    var ref: String?

    init(_ payload: JobPayload) {
        forge = payload.forge.rawValue
        repository = payload.repository.fullName
        switch payload.work {
        case .review(let number, let headSHA):
            self.number = number
            self.headSHA = headSHA
        case .command(let request):
            number = request.number
            commentID = request.commentID
            commentKind = request.commentKind.rawValue
            author = request.author
            body = request.body
            authorPermission = request.authorPermission?.rawValue
        case .scan(let headSHA, let ref):
            self.headSHA = headSHA
            self.ref = ref
        case .upgrade, .scanImages:
            break
        }
    }

    func payload(kind: JobKind) throws(JobPayloadError) -> JobPayload {
        func required<T>(_ value: T?, _ field: String) throws(JobPayloadError) -> T {
            guard let value else {
                throw JobPayloadError(description: "a \(kind.rawValue) job's payload has no `\(field)`")
            }
            return value
        }
        guard let forgeKind = ForgeKind(rawValue: forge) else {
            throw JobPayloadError(description: "the payload names an unknown forge '\(forge)'")
        }
        guard let repositoryID = RepositoryID(repository) else {
            throw JobPayloadError(description: "the payload names '\(repository)', which is not owner/name")
        }
        let work: JobPayload.Work
        switch kind {
        case .review:
            work = .review(number: try required(number, "number"), headSHA: try required(headSHA, "headSHA"))
        case .command:
            let kindName = commentKind ?? PostedComment.Kind.conversation.rawValue
            guard let commentKind = PostedComment.Kind(rawValue: kindName) else {
                throw JobPayloadError(description: "a command job's payload has an unknown commentKind '\(kindName)'")
            }
            work = .command(
                JobPayload.CommandRequest(
                    number: try required(number, "number"), commentID: try required(commentID, "commentID"),
                    commentKind: commentKind,
                    author: try required(author, "author"), body: try required(body, "body"),
                    authorPermission: authorPermission.flatMap(Permission.init(rawValue:))))
        case .scan:
            work = .scan(headSHA: headSHA, ref: ref)
        case .upgrade:
            work = .upgrade
        case .scanImages:
            work = .scanImages
        }
        return JobPayload(forge: forgeKind, repository: repositoryID, work: work)
    }
}
