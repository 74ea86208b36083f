import Foundation
import JSONKit
import JSONSchema

/// Checks path and query parameters: required ones present, values of the declared type and
/// within its enum or bounds. Headers and unknown query parameters are not checked.
struct ParameterChecker {
    let validator: ContractValidator

    func violations(of operation: ContractOperation, pathParameters: [String: String], query: [String: String])
        -> [String]
    {
        var violations: [String] = []
        for parameter in operation.parameters {
            let raw: String?
            switch parameter.location {
            case .path: raw = pathParameters[parameter.name].map { $0.removingPercentEncoding ?? $0 }
            case .query: raw = query[parameter.name]
            case .header, .cookie, .formData: continue
            }
            let label = "\(parameter.location.rawValue) parameter \(parameter.name)"
            guard let raw else {
                if parameter.required { violations.append("\(label): required but missing") }
                continue
            }
            let value = Self.typedValue(raw, schema: parameter.schema)
            violations += validator.validate(
                value, against: parameter.schema, at: "\(label) (\(JSONValue.string(raw).jsonText))")
        }
        return violations
    }

    /// The parameter's text read as its declared type; text that does not read as that type
    /// stays a string, so the validator reports the mismatch.
    static func typedValue(_ raw: String, schema: JSONValue) -> JSONValue {
        switch schema["type"]?.stringValue {
        case "integer":
            return Int64(raw).map(JSONValue.integer) ?? .string(raw)
        case "number":
            return Int64(raw).map(JSONValue.integer) ?? Double(raw).map(JSONValue.number) ?? .string(raw)
        case "boolean":
            return raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : .string(raw)
        case "array":
            let items = schema["items"] ?? .object([:])
            return .array(raw.split(separator: ",").map { typedValue(String($0), schema: items) })
        default:
            return .string(raw)
        }
    }
}
