import JSONKit

/// The three commits a GitLab diff is between: the merge base, the target branch's head when the
/// diff was made, and the source branch's head.
struct GitLabDiffRefs: Sendable, Equatable {
    var baseSHA: String
    var startSHA: String
    var headSHA: String
}

/// Where an inline comment sits: a new-side line of a file in one diff version, and its
/// old-side line when the line is unchanged (GitLab needs both for those).
struct GitLabDiffPosition: Sendable, Equatable {
    var refs: GitLabDiffRefs
    var newPath: String
    var oldPath: String
    var newLine: Int
    var oldLine: Int?

    /// The `position` object of POST …/merge_requests/:iid/discussions.
    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "base_sha": .string(refs.baseSHA), "start_sha": .string(refs.startSHA), "head_sha": .string(refs.headSHA),
            "position_type": "text", "new_path": .string(newPath), "old_path": .string(oldPath),
            "new_line": JSONValue(newLine),
        ]
        if let oldLine { fields["old_line"] = JSONValue(oldLine) }
        return .object(fields)
    }
}
