import Foundation
import JSONKit
import JSONSchema

/// Reads the operations of an OpenAPI 3.0 file (GitHub) or a Swagger 2.0 file (Gitea, Forgejo)
/// into `ContractOperation`s. Parameter, request-body and response `$ref`s are resolved here;
/// schema `$ref`s are left for the validator.
struct OpenAPIReader {
    let document: JSONValue
    let file: String

    private static let methods = ["get", "put", "post", "patch", "delete", "head", "options"]

    var isSwagger2: Bool { document["swagger"] != nil }

    func operations() throws -> [ContractOperation] {
        guard let paths = document["paths"]?.objectValue else {
            throw APIContractError(file: file, reason: "no \"paths\" object")
        }
        var operations: [ContractOperation] = []
        for (template, item) in paths {
            let shared = item["parameters"]?.arrayValue ?? []
            for method in Self.methods {
                guard let operation = item[method] else { continue }
                let name = operation["operationId"]?.stringValue ?? "\(method.uppercased()) \(template)"
                let declared = try (shared + (operation["parameters"]?.arrayValue ?? [])).map {
                    try resolved($0, in: name)
                }
                operations.append(
                    ContractOperation(
                        name: name,
                        method: method.uppercased(),
                        template: PathTemplate(template),
                        parameters: declared.compactMap(parameter),
                        requestBody: try requestBody(of: operation, declared: declared, in: name),
                        responses: try responses(of: operation, in: name)
                    ))
            }
        }
        return operations
    }

    private func resolved(_ value: JSONValue, in operation: String) throws -> JSONValue {
        var current = value
        var hops = 0
        while let ref = current["$ref"]?.stringValue {
            // References inside the file: `#` and a JSON Pointer, percent-encoded as a URI fragment.
            guard hops < 16, ref.hasPrefix("#"),
                let target = document.pointee(
                    String(ref.dropFirst()).removingPercentEncoding ?? String(ref.dropFirst()))
            else {
                throw APIContractError(file: file, reason: "\(operation): the reference \(ref) does not resolve")
            }
            current = target
            hops += 1
        }
        return current
    }

    private func parameter(_ declaration: JSONValue) -> ContractParameter? {
        guard let name = declaration["name"]?.stringValue,
            let place = declaration["in"]?.stringValue, place != "body",
            let location = ContractParameter.Location(rawValue: place)
        else { return nil }
        return ContractParameter(
            name: name,
            location: location,
            required: declaration["required"] == .bool(true) || location == .path,
            schema: declaration["schema"] ?? Self.swagger2ParameterSchema(declaration)
        )
    }

    /// Swagger 2 puts a non-body parameter's type, enum and bounds on the parameter itself.
    private static func swagger2ParameterSchema(_ declaration: JSONValue) -> JSONValue {
        let keys = [
            "type", "enum", "items", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "minLength", "maxLength", "pattern", "minItems", "maxItems",
        ]
        var schema: [String: JSONValue] = [:]
        for key in keys { schema[key] = declaration[key] }
        return .object(schema)
    }

    private func requestBody(of operation: JSONValue, declared: [JSONValue], in name: String) throws
        -> ContractRequestBody?
    {
        if isSwagger2 {
            guard let body = declared.first(where: { $0["in"] == .string("body") }) else { return nil }
            let schema = body["schema"] ?? .object([:])
            return ContractRequestBody(schema: schema, required: try isRequired(body, schema: schema, in: name))
        }
        guard let declaration = operation["requestBody"] else { return nil }
        let body = try resolved(declaration, in: name)
        let content = body["content"]?.objectValue ?? [:]
        let json = content["application/json"] ?? content.first { $0.key.contains("json") }?.value
        let schema = json?["schema"] ?? .object([:])
        return ContractRequestBody(schema: schema, required: try isRequired(body, schema: schema, in: name))
    }

    private func isRequired(_ body: JSONValue, schema: JSONValue, in name: String) throws -> Bool {
        if body["required"] == .bool(true) { return true }
        let target = try resolved(schema, in: name)
        return !(target["required"]?.arrayValue ?? []).isEmpty
    }

    private func responses(of operation: JSONValue, in name: String) throws -> [String: JSONValue?] {
        var responses: [String: JSONValue?] = [:]
        for (status, declaration) in operation["responses"]?.objectValue ?? [:] {
            let response = try resolved(declaration, in: name)
            if isSwagger2 {
                responses[status] = .some(response["schema"])
            } else {
                let content = response["content"]?.objectValue ?? [:]
                let json = content["application/json"] ?? content.first { $0.key.contains("json") }?.value
                responses[status] = .some(json?["schema"])
            }
        }
        return responses
    }
}
