/// GitLab's REST answers, holding exactly the fields the bot reads (merge request, diff, version,
/// discussion, note, user and member entities of doc/api).
enum GitLabAnswers {
    struct User: Decodable { var username: String }

    struct MergeRequest: Decodable {
        /// The three commits of the newest diff; list entries carry none.
        struct DiffRefs: Decodable {
            var baseSHA: String?
            var startSHA: String?

            enum CodingKeys: String, CodingKey {
                case baseSHA = "base_sha"
                case startSHA = "start_sha"
            }
        }
        /// A name (the default) or, with `with_labels_details`, an object with one.
        struct Label: Decodable {
            var name: String
            init(from decoder: any Decoder) throws {
                if let name = try? decoder.singleValueContainer().decode(String.self) {
                    self.name = name
                } else {
                    name = try decoder.container(keyedBy: AnyKey.self).decode(String.self, forKey: AnyKey("name"))
                }
            }
        }
        var iid: Int
        var title: String
        /// Null when the merge request has no description.
        var description: String?
        var state: String
        var author: User
        var targetBranch: String
        var sourceBranch: String
        var sourceProjectID: Int
        var targetProjectID: Int
        var sha: String
        var diffRefs: DiffRefs?
        var webURL: String
        /// `draft` since GitLab 13.x, `work_in_progress` before.
        var draft: Bool?
        var workInProgress: Bool?
        /// `allow_collaboration` (`allow_maintainer_to_push` before 11.x): sent for merge requests from forks.
        var allowCollaboration: Bool?
        var allowMaintainerToPush: Bool?
        var labels: [Label]
        var createdAt: String?

        enum CodingKeys: String, CodingKey {
            case iid, title, description, state, author, sha, draft, labels
            case targetBranch = "target_branch"
            case sourceBranch = "source_branch"
            case sourceProjectID = "source_project_id"
            case targetProjectID = "target_project_id"
            case diffRefs = "diff_refs"
            case webURL = "web_url"
            case workInProgress = "work_in_progress"
            case allowCollaboration = "allow_collaboration"
            case allowMaintainerToPush = "allow_maintainer_to_push"
            case createdAt = "created_at"
        }

        var isFromFork: Bool { sourceProjectID != targetProjectID }
    }

    struct Diff: Decodable {
        var newPath: String
        var oldPath: String
        var newFile: Bool
        var deletedFile: Bool
        var renamedFile: Bool
        var diff: String

        enum CodingKeys: String, CodingKey {
            case diff
            case newPath = "new_path"
            case oldPath = "old_path"
            case newFile = "new_file"
            case deletedFile = "deleted_file"
            case renamedFile = "renamed_file"
        }
    }

    struct Version: Decodable {
        var headCommitSHA: String
        var baseCommitSHA: String
        var startCommitSHA: String

        enum CodingKeys: String, CodingKey {
            case headCommitSHA = "head_commit_sha"
            case baseCommitSHA = "base_commit_sha"
            case startCommitSHA = "start_commit_sha"
        }
    }

    struct Discussion: Decodable {
        var id: String
        var notes: [Note]
    }

    struct Note: Decodable {
        /// Where an inline note sits: its new-side line, or the old side for a removed line.
        struct Position: Decodable {
            var newPath: String?
            var oldPath: String?
            var newLine: Int?
            var oldLine: Int?

            enum CodingKeys: String, CodingKey {
                case newPath = "new_path"
                case oldPath = "old_path"
                case newLine = "new_line"
                case oldLine = "old_line"
            }
        }
        var id: ForgeID
        var body: String
        var author: User
        /// "added 1 commit" and the like.
        var system: Bool
        var position: Position?
        /// Sent for notes that can be resolved (inline ones).
        var resolved: Bool?
    }

    struct UserID: Decodable { var id: Int }

    struct Member: Decodable {
        var accessLevel: Int
        enum CodingKeys: String, CodingKey { case accessLevel = "access_level" }
    }

    /// A GitLab project. `default_branch` is null for a project without commits, which has nothing
    /// to review: asking its details is an error naming the field.
    struct Project: Decodable {
        var httpURLToRepo: String
        var defaultBranch: String

        enum CodingKeys: String, CodingKey {
            case httpURLToRepo = "http_url_to_repo"
            case defaultBranch = "default_branch"
        }

        var details: RepositoryDetails { RepositoryDetails(cloneURL: httpURLToRepo, defaultBranch: defaultBranch) }
    }

    /// Where a GitLab project is cloned from (the merge request's own or its fork's).
    struct CloneURL: Decodable {
        var httpURLToRepo: String

        enum CodingKeys: String, CodingKey { case httpURLToRepo = "http_url_to_repo" }
    }

    /// A project issue: `state` is "opened" or "closed"; `description` is null when empty.
    struct IssueAnswer: Decodable {
        var iid: Int
        var title: String
        var description: String?
        var state: String
        var author: User

        var issue: Issue {
            Issue(
                number: iid, title: title, body: description ?? "", author: author.username, isOpen: state == "opened")
        }
    }
}
