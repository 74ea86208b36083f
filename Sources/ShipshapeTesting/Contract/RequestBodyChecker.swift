import Foundation
import JSONKit
import JSONSchema

/// Checks a request body: present when the operation needs one, absent when it takes none,
/// JSON, and valid against the operation's body schema.
struct RequestBodyChecker {
    let validator: ContractValidator

    func violations(of operation: ContractOperation, body: Data?, query: [String: String]) -> [String] {
        let body = body ?? Data()
        guard let expected = operation.requestBody else {
            return body.isEmpty
                ? [] : ["request body: \(operation.name) takes no request body, got \(body.count) bytes"]
        }
        var value: JSONValue
        if body.isEmpty {
            guard expected.acceptsQueryParameters, !query.isEmpty else {
                return expected.required ? ["request body: missing, but \(operation.name) requires one"] : []
            }
            value = .object([:])
        } else {
            do {
                value = try JSONValue(jsonData: body)
            } catch {
                return ["request body: \(error)"]
            }
        }
        if expected.acceptsQueryParameters, case .object(let members) = value {
            value = .object(GitLabParameters.object(from: query).merging(members) { _, fromBody in fromBody })
        }
        return validator.validate(value, against: expected.schema, at: "request body")
    }
}
