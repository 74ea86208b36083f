import Foundation
import JSONSchema

/// A forge's published API description, used to hold the bot's requests and the stand-in
/// forge's responses to what the real forge documents. See `shared/forge/README.md` for the
/// files and their dialects.
package struct APIContract: Sendable {
    package enum Forge: String, Sendable, CaseIterable {
        case github, gitea, forgejo, gitlab
    }

    package let forge: Forge
    /// Prefix every path carries before the templates apply (Gitea's and Forgejo's `/api/v1`).
    let basePath: String
    let operations: [ContractOperation]
    let validator: ContractValidator

    init(forge: Forge, basePath: String, operations: [ContractOperation], validator: ContractValidator) {
        self.forge = forge
        self.basePath = basePath
        self.operations = operations
        self.validator = validator
    }

    /// The operations of this contract (name, method, full path template, documented statuses),
    /// sorted by path, for listings and for tests that walk the whole contract.
    package var operationList: [(name: String, method: String, path: String, statuses: [String])] {
        operations.map { ($0.name, $0.method, basePath + $0.template.text, $0.responses.keys.sorted()) }
            .sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }

    /// Checks one exchange. `path` is the URL path as the client sent it (GitHub:
    /// `/repos/o/r/pulls/1`; Gitea and Forgejo: with `/api/v1`; GitLab: with `/api/v4`), still
    /// percent-encoded; `query` holds the decoded query parameters.
    package func check(
        method: String, path: String, query: [String: String], requestBody: Data?,
        status: Int, responseBody: Data?
    ) -> ContractCheck {
        let request = checkRequest(method: method, path: path, query: query, body: requestBody)
        guard request.operation != nil else { return request }
        let response = checkResponse(method: method, path: path, status: status, body: responseBody)
        return ContractCheck(operation: request.operation, violations: request.violations + response.violations)
    }

    /// Checks the request half only: the operation exists, parameters and body fit it.
    package func checkRequest(method: String, path: String, query: [String: String], body: Data?) -> ContractCheck {
        guard let (operation, match) = operation(method: method, path: path) else { return unmatched(method, path) }
        var violations = ParameterChecker(validator: validator).violations(
            of: operation, pathParameters: match.parameters, query: query)
        violations += RequestBodyChecker(validator: validator).violations(of: operation, body: body, query: query)
        return ContractCheck(operation: operation.name, violations: violations)
    }

    /// Checks the response half only: the status is documented and the body fits its schema.
    package func checkResponse(method: String, path: String, status: Int, body: Data?) -> ContractCheck {
        guard let (operation, _) = operation(method: method, path: path) else { return unmatched(method, path) }
        let violations = ResponseChecker(validator: validator).violations(of: operation, status: status, body: body)
        return ContractCheck(operation: operation.name, violations: violations)
    }

    /// The operation for a request; when several templates match, the one with fewest variables
    /// wins (`pulls/{index}/files` over `pulls/{base}/{head}`).
    func operation(method: String, path: String) -> (ContractOperation, PathTemplate.Match)? {
        guard path.hasPrefix(basePath) else { return nil }
        let relative = String(path.dropFirst(basePath.count))
        let verb = method.uppercased()
        return
            operations
            .filter { $0.method == verb }
            .compactMap { operation in operation.template.match(relative).map { (operation, $0) } }
            .min { left, right in
                (left.1.spansSegments ? 1 : 0, left.1.variableCount) < (
                    right.1.spansSegments ? 1 : 0, right.1.variableCount
                )
            }
    }

    private func unmatched(_ method: String, _ path: String) -> ContractCheck {
        ContractCheck(
            operation: nil,
            violations: ["no operation in the \(forge.rawValue) contract for \(method.uppercased()) \(path)"])
    }
}
