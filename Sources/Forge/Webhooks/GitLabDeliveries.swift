/// GitLab's hooks, holding exactly the fields the bot reads. Merge requests are numbered by `iid`;
/// repositories are the project's `path_with_namespace`.
enum GitLabDeliveries {
    struct Project: Decodable {
        var pathWithNamespace: RepositoryPath
        /// Sent in push hooks; without it a push is not taken for one to the default branch.
        var defaultBranch: String?

        enum CodingKeys: String, CodingKey {
            case pathWithNamespace = "path_with_namespace"
            case defaultBranch = "default_branch"
        }
    }

    struct MergeRequestHook: Decodable {
        struct Attributes: Decodable {
            struct Commit: Decodable { var id: String }
            var action: String
            var iid: Int
            var lastCommit: Commit
            /// The head before an `update`; present (and not empty) when the update brought new commits.
            var oldrev: String?
            /// `draft` since GitLab 13.x, `work_in_progress` before; neither sent means not a draft.
            var draft: Bool?
            var workInProgress: Bool?

            enum CodingKeys: String, CodingKey {
                case action, iid, oldrev, draft
                case lastCommit = "last_commit"
                case workInProgress = "work_in_progress"
            }
        }
        /// What an `update` changed; only the draft flag is read.
        struct Changes: Decodable {
            struct Change: Decodable {
                var previous: Bool?
                var current: Bool?
            }
            var draft: Change?
        }
        /// The action is read first: the rest only for actions the bot acts on, as hooks of other
        /// actions (merge, close, approve...) carry the bot no obligations.
        var action: String
        /// Nil for an action the bot does not act on.
        var objectAttributes: Attributes?
        var project: Project?
        var changes: Changes?

        static let actedOn: Set<String> = ["open", "reopen", "update"]

        private struct Action: Decodable { var action: String }

        enum CodingKeys: String, CodingKey {
            case project, changes
            case objectAttributes = "object_attributes"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            action = try container.decode(Action.self, forKey: .objectAttributes).action
            guard Self.actedOn.contains(action) else { return }
            objectAttributes = try container.decode(Attributes.self, forKey: .objectAttributes)
            project = try container.decode(Project.self, forKey: .project)
            changes = try container.decodeIfPresent(Changes.self, forKey: .changes)
        }
    }

    struct NoteHook: Decodable {
        struct Attributes: Decodable {
            var noteableType: String
            /// Older GitLab versions send no `action`: those notes are new ones.
            var action: String?
            var id: ForgeID
            var note: String

            enum CodingKeys: String, CodingKey {
                case action, id, note
                case noteableType = "noteable_type"
            }
        }
        struct User: Decodable {
            var username: String
            /// Rarely sent; `GitLabWebhookEvents.isBotUsername` covers the rest.
            var bot: Bool?
        }
        struct MergeRequest: Decodable { var iid: Int }
        var objectAttributes: Attributes
        var project: Project
        var user: User
        /// Sent with notes on merge requests only.
        var mergeRequest: MergeRequest?

        enum CodingKeys: String, CodingKey {
            case project, user
            case objectAttributes = "object_attributes"
            case mergeRequest = "merge_request"
        }
    }

    struct PushHook: Decodable {
        var ref: String
        var after: String
        var project: Project
    }
}
