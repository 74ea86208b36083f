import JSONKit
import JSONSchema

/// GitLab's API (Grape) reads parameters from the query string as well as from the body and
/// coerces them to their declared types; nested ones are written `position[new_line]`. This
/// turns a query into the JSON object the body rules check.
enum GitLabParameters {
    static func object(from query: [String: String]) -> [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        for (key, raw) in query {
            let value = coerced(raw)
            if let open = key.firstIndex(of: "["), key.hasSuffix("]") {
                let outer = String(key[..<open])
                let inner = String(key[key.index(after: open)..<key.index(before: key.endIndex)])
                var members = object[outer]?.objectValue ?? [:]
                members[inner] = value
                object[outer] = .object(members)
            } else {
                object[key] = value
            }
        }
        return object
    }

    private static func coerced(_ raw: String) -> JSONValue {
        if let whole = Int64(raw) { return .integer(whole) }
        if raw == "true" || raw == "false" { return .bool(raw == "true") }
        return .string(raw)
    }
}
