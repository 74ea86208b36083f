import Foundation

extension APIContract {
    /// Loads a forge's contract from `shared/forge/` (or from `folder`, laid out the same way):
    /// GitHub `github/openapi-subset.json` with `GitHubContractSupplement` added, Gitea `gitea/openapi-subset.json`, Forgejo
    /// `gitea/forgejo-openapi-subset.json` (both with `GiteaContractSupplement`), GitLab the endpoint table in `GitLabEndpoints` with
    /// the schemas in `gitlab/response-schemas/public_api/v4/`.
    package static func load(_ forge: Forge, from folder: URL = SharedData.forge) throws -> APIContract {
        switch forge {
        case .github:
            return try loadOpenAPI(
                forge, file: folder.appending(path: "github/openapi-subset.json"), options: .init(),
                supplement: GitHubContractSupplement.applied(to:))
        case .gitea:
            return try loadOpenAPI(
                forge, file: folder.appending(path: "gitea/openapi-subset.json"),
                options: .goStructs, supplement: GiteaContractSupplement.applied(to:))
        case .forgejo:
            return try loadOpenAPI(
                forge, file: folder.appending(path: "gitea/forgejo-openapi-subset.json"),
                options: .goStructs, supplement: GiteaContractSupplement.applied(to:))
        case .gitlab:
            let schemas = try SchemaDocuments.load(
                folder: folder.appending(path: "gitlab/response-schemas/public_api/v4"))
            // GitLab's fixtures point `merged_by`, `closed_by` and `assignee` at `user/basic.json`
            // (an object) though an open merge request has them null.
            let validator = JSONSchemaValidator(
                documents: schemas, options: .init(acceptsNullForStructuredProperties: true))
            return APIContract(
                forge: forge, basePath: "", operations: GitLabEndpoints.all.map(\.operation), validator: validator)
        }
    }

    private static func loadOpenAPI(
        _ forge: Forge, file: URL, options: JSONSchemaValidator.Options,
        supplement: (JSONValue) -> JSONValue = { $0 }
    ) throws -> APIContract {
        let document = supplement(try APIContractError.readJSON(at: file))
        let documents = SchemaDocuments(root: document)
        let operations = try OpenAPIReader(document: document, documents: documents, file: file.path).operations()
        guard !operations.isEmpty else {
            throw APIContractError(file: file.path, reason: "the file describes no operations")
        }
        let basePath = document["basePath"]?.stringValue.map { $0 == "/" ? "" : $0 } ?? ""
        return APIContract(
            forge: forge, basePath: basePath, operations: operations,
            validator: JSONSchemaValidator(documents: documents, options: options))
    }
}
