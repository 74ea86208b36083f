/// `owner/name` (GitLab: `group/sub/name`) where a payload names a repository; anything else is
/// an error naming the field.
struct RepositoryPath: Decodable {
    var id: RepositoryID

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = RepositoryID(text) else {
            throw UnexpectedValue(codingPath: decoder.codingPath, expected: "repository path 'owner/name'")
        }
        self.id = id
    }
}
