import JSONKit
import JSONSchema

/// One operation of a forge's API as the contract checks it, read from an OpenAPI/Swagger file
/// or from `GitLabEndpoints`. Schemas are kept as JSON, compiled together by `ContractValidator`.
struct ContractOperation: Sendable {
    var name: String
    var method: String
    var template: PathTemplate
    var parameters: [ContractParameter]
    var requestBody: ContractRequestBody?
    /// Status code (`"200"`, `"2XX"`, `"default"`) → the body schema, nil when none is described.
    var responses: [String: JSONValue?]
    /// GitLab: any 4xx/5xx status is accepted (bodies unchecked), since no error list is published.
    var acceptsAnyErrorStatus = false

    /// Every schema the operation checks with: its parameters', its body's, its responses'.
    var schemas: [JSONValue] {
        parameters.map(\.schema) + (requestBody.map { [$0.schema] } ?? []) + responses.values.compactMap { $0 }
    }
}

struct ContractParameter: Sendable {
    enum Location: String, Sendable { case path, query, header, cookie, formData }

    var name: String
    var location: Location
    var required: Bool
    /// The value's schema (`type`, `enum`, `items`, bounds), in OpenAPI 3 form.
    var schema: JSONValue
}

struct ContractRequestBody: Sendable {
    var schema: JSONValue
    /// The operation needs a body: declared required, or its schema lists required properties.
    var required: Bool
    /// GitLab reads parameters from the query string as well as the body.
    var acceptsQueryParameters = false
}
