import Foundation
import JSONKit
import JSONSchema

/// Checks a response: its status is one the operation documents, and its body fits the schema
/// documented for that status.
struct ResponseChecker {
    let validator: ContractValidator

    func violations(of operation: ContractOperation, status: Int, body: Data?) -> [String] {
        guard let key = Self.responseKey(for: status, in: operation) else {
            if operation.acceptsAnyErrorStatus, (400..<600).contains(status) { return [] }
            let documented = operation.responses.keys.sorted().joined(separator: ", ")
            return ["status \(status): not a documented response of \(operation.name) (documented: \(documented))"]
        }
        guard let schema = operation.responses[key] ?? nil else { return [] }
        let body = body ?? Data()
        if body.isEmpty {
            return status == 204 || status == 304
                ? [] : ["response body: empty, but \(operation.name) documents a JSON body for status \(status)"]
        }
        do {
            return validator.validate(try JSONValue(jsonData: body), against: schema, at: "response body")
        } catch {
            return ["response body: \(error)"]
        }
    }

    /// The exact code, else OpenAPI's range form (`2XX`), else `default`.
    private static func responseKey(for status: Int, in operation: ContractOperation) -> String? {
        let candidates = [String(status), "\(status / 100)XX", "\(status / 100)xx", "default"]
        return candidates.first { operation.responses[$0] != nil }
    }
}
