/// GitHub's own deliveries (check re-runs, App installations), holding the fields the bot reads.
enum GitHubDeliveries {
    /// `check_run` or `check_suite`: the run or suite sits under the event's name.
    struct CheckRerun: Decodable {
        struct Check: Decodable {
            struct App: Decodable { var id: Int }
            struct PullRequest: Decodable { var number: Int }
            var headSHA: String
            /// Absent: the check is not said to be any app's, and is re-run.
            var app: App?
            var pullRequests: [PullRequest]

            enum CodingKeys: String, CodingKey {
                case app
                case headSHA = "head_sha"
                case pullRequests = "pull_requests"
            }
        }
        var action: String
        var repository: GitHubShapedDeliveries.Repository
        var check: Check

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            action = try container.decode(String.self, forKey: AnyKey("action"))
            repository = try container.decode(GitHubShapedDeliveries.Repository.self, forKey: AnyKey("repository"))
            let name = container.contains(AnyKey("check_run")) ? "check_run" : "check_suite"
            check = try container.decode(Check.self, forKey: AnyKey(name))
        }
    }

    /// `installation` names every repository it covers (`repositories`); `installation_repositories`
    /// the ones added or removed.
    struct Installation: Decodable {
        struct Body: Decodable {
            struct Account: Decodable { var login: String }
            var id: Int
            var account: Account
        }
        struct Repository: Decodable {
            var fullName: RepositoryPath
            enum CodingKeys: String, CodingKey { case fullName = "full_name" }
        }
        var action: String
        var installation: Body
        /// GitHub leaves the lists out when they would be empty (a suspended installation).
        var repositories: [Repository]?
        var repositoriesAdded: [Repository]?
        var repositoriesRemoved: [Repository]?

        enum CodingKeys: String, CodingKey {
            case action, installation, repositories
            case repositoriesAdded = "repositories_added"
            case repositoriesRemoved = "repositories_removed"
        }
    }
}

/// A key by name, for payloads whose keys depend on the event (`check_run`, `check_suite`).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
