import Foundation
import JSONKit
import JSONSchema
import Synchronization

extension APIContract {
    /// Loads a forge's contract from `shared/forge/` (or from `folder`, laid out the same way):
    /// GitHub `github/openapi-subset.json` with `GitHubContractSupplement` added, Gitea `gitea/openapi-subset.json`, Forgejo
    /// `gitea/forgejo-openapi-subset.json` (both with `GiteaContractSupplement`), GitLab the endpoint table in `GitLabEndpoints` with
    /// the schemas in `gitlab/response-schemas/public_api/v4/`.
    /// The shared folder's contracts are read and compiled once per process (every stand-in
    /// forge of every test checks against them; two first calls at once may both read).
    package static func load(_ forge: Forge, from folder: URL = SharedData.forge) throws -> APIContract {
        guard folder == SharedData.forge else { return try read(forge, from: folder) }
        // Read outside the lock: a test's task must not wait on another's reading.
        if let contract = loaded.withLock({ $0[forge] }) { return contract }
        let contract = try read(forge, from: folder)
        loaded.withLock { $0[forge] = contract }
        return contract
    }

    private static let loaded = Mutex<[Forge: APIContract]>([:])

    private static func read(_ forge: Forge, from folder: URL) throws -> APIContract {
        switch forge {
        case .github:
            return try loadOpenAPI(
                forge, file: folder.appending(path: "github/openapi-subset.json"), nullable: NullableProperties(),
                supplement: GitHubContractSupplement.applied(to:))
        case .gitea:
            return try loadOpenAPI(
                forge, file: folder.appending(path: "gitea/openapi-subset.json"),
                nullable: .goStructs, supplement: GiteaContractSupplement.applied(to:))
        case .forgejo:
            return try loadOpenAPI(
                forge, file: folder.appending(path: "gitea/forgejo-openapi-subset.json"),
                nullable: .goStructs, supplement: GiteaContractSupplement.applied(to:))
        case .gitlab:
            let schemas = folder.appending(path: "gitlab/response-schemas/public_api/v4")
            let nullable = NullableProperties(structured: true)
            let documents = try readFolder(schemas).mapValues { GitLabDates.asText(nullable.marked($0)) }
            let operations = GitLabEndpoints.all.map(\.operation)
            let validator = try ContractValidator(
                schemas: operations.flatMap(\.schemas), documents: documents, file: schemas.path)
            return APIContract(forge: forge, basePath: "", operations: operations, validator: validator)
        }
    }

    private static func loadOpenAPI(
        _ forge: Forge, file: URL, nullable: NullableProperties, supplement: (JSONValue) -> JSONValue = { $0 }
    ) throws -> APIContract {
        let document = nullable.marked(supplement(try APIContractError.readJSON(at: file)))
        let operations = try OpenAPIReader(document: document, file: file.path).operations()
        guard !operations.isEmpty else {
            throw APIContractError(file: file.path, reason: "the file describes no operations")
        }
        let basePath = document["basePath"]?.stringValue.map { $0 == "/" ? "" : $0 } ?? ""
        let validator = try ContractValidator(
            schemas: operations.flatMap(\.schemas), documents: ["": document], file: file.path)
        return APIContract(forge: forge, basePath: basePath, operations: operations, validator: validator)
    }

    /// Every `.json` file below `folder`, named by its path relative to `folder` (so the
    /// files' relative `$ref`s resolve).
    private static func readFolder(_ folder: URL) throws -> [String: JSONValue] {
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw APIContractError(file: root, reason: "the folder cannot be read")
        }
        var documents: [String: JSONValue] = [:]
        for case let relative as String in walker where relative.hasSuffix(".json") {
            documents[relative] = try APIContractError.readJSON(
                at: URL(fileURLWithPath: root).appending(path: relative))
        }
        return documents
    }
}
