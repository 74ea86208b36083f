import Foundation

/// A request matched to a route: its path parameters, the caller and its decoded body.
struct ForgeCall {
    let request: ReceivedRequest
    let parameters: [String: String]
    let caller: StoredUser?
    /// Query items merged with the JSON (or form) body; GitLab reads arguments from either.
    let arguments: [String: Any]

    init(request: ReceivedRequest, parameters: [String: String], caller: StoredUser?) throws {
        self.request = request
        self.parameters = parameters
        self.caller = caller
        var arguments: [String: Any] = [:]
        for (name, value) in request.queryItems { ForgeCall.assign(value, to: name, in: &arguments) }
        if !request.body.isEmpty {
            let contentType = request.header("Content-Type") ?? ""
            if contentType.contains("application/x-www-form-urlencoded") {
                let form = ReceivedRequest(method: "", path: "", query: String(decoding: request.body, as: UTF8.self))
                for (name, value) in form.queryItems { ForgeCall.assign(value, to: name, in: &arguments) }
            } else {
                guard let object = try? JSONSerialization.jsonObject(with: request.body, options: [.fragmentsAllowed])
                else {
                    throw APIFailure.badRequest("Problems parsing JSON")
                }
                guard let fields = object as? [String: Any] else {
                    throw APIFailure.badRequest("Body should be a JSON object")
                }
                arguments.merge(fields) { _, body in body }
            }
        }
        self.arguments = arguments
    }

    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    func number(_ name: String) throws -> Int {
        guard let value = Int(parameter(name)) else { throw APIFailure.notFound() }
        return value
    }

    func string(_ name: String) -> String? {
        switch arguments[name] {
        case let value as String: value
        case let value as Int: String(value)
        default: nil
        }
    }

    func integer(_ name: String) -> Int? {
        ForgeCall.integer(arguments[name])
    }

    func bool(_ name: String) -> Bool? {
        switch arguments[name] {
        case let value as Bool: value
        case let value as String: value == "true" ? true : (value == "false" ? false : nil)
        default: nil
        }
    }

    /// Integers arrive as JSON numbers or, from query strings and forms, as text.
    static func integer(_ value: Any?) -> Int? {
        switch value {
        case let value as Int: value
        case let value as String: Int(value)
        case let value as Double where value == value.rounded(): Int(value)
        default: nil
        }
    }

    /// `position[new_line]=3` becomes `["position": ["new_line": "3"]]`, as Rails reads it.
    private static func assign(_ value: String, to name: String, in arguments: inout [String: Any]) {
        guard let open = name.firstIndex(of: "["), name.hasSuffix("]") else {
            arguments[name] = value
            return
        }
        let outer = String(name[..<open])
        let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        var nested = arguments[outer] as? [String: Any] ?? [:]
        if inner.isEmpty {
            var list = arguments[outer] as? [Any] ?? []
            list.append(value)
            arguments[outer] = list
            return
        }
        nested[inner] = value
        arguments[outer] = nested
    }
}
