import JSONKit
import JSONSchema

/// Properties a forge's description does not mark nullable though its answers carry `null` for
/// them: marked `nullable: true` in the description before it is compiled, so the validator
/// reads the description as the forge behaves.
struct NullableProperties: Sendable {
    /// A property whose schema is a `$ref`, an object or an array. Gitea's and Forgejo's Swagger
    /// is generated from Go structs and never marks such fields nullable, though their answers
    /// carry `null` for unset ones (`milestone`, `merged_by`); GitLab's fixtures point
    /// `merged_by`, `closed_by` and `assignee` at `user/basic.json` though an open merge request
    /// has them null.
    var structured = false
    /// A `format: date-time` string: Gitea's and Forgejo's optional times are Go `*time.Time`
    /// (`merged_at`, `closed_at`, `due_date`).
    var dateTimes = false
    /// Further properties by name (Gitea's `merge_commit_sha` is a Go `*string`).
    var names: Set<String> = []

    /// Gitea's and Forgejo's Swagger, generated from Go structs whose pointer fields are `null`
    /// when unset (`modules/structs/pull.go` and the like).
    static let goStructs = NullableProperties(structured: true, dateTimes: true, names: ["merge_commit_sha"])

    /// `document` with every property schema these rules cover marked `nullable: true`.
    func marked(_ document: JSONValue) -> JSONValue {
        switch document {
        case .array(let items): return .array(items.map(marked))
        case .object(var members):
            for (key, value) in members {
                if key == "properties", case .object(let properties) = value {
                    members[key] = .object(
                        properties.reduce(into: [:]) { result, property in
                            let schema = marked(property.value)
                            result[property.key] = covers(property.key, schema) ? schema.nullable : schema
                        })
                } else {
                    members[key] = marked(value)
                }
            }
            return .object(members)
        default: return document
        }
    }

    private func covers(_ name: String, _ schema: JSONValue) -> Bool {
        guard let keywords = schema.objectValue else { return false }
        if names.contains(name) { return true }
        if dateTimes, keywords["format"] == "date-time" { return true }
        guard structured else { return false }
        if keywords["$ref"] != nil || keywords["properties"] != nil || keywords["items"] != nil { return true }
        let types =
            keywords["type"]?.stringValue.map { [$0] } ?? keywords["type"]?.arrayValue?.compactMap(\.stringValue)
        return types?.contains { $0 == "object" || $0 == "array" } == true
    }
}

extension JSONValue {
    fileprivate var nullable: JSONValue {
        guard case .object(var keywords) = self else { return self }
        keywords["nullable"] = true
        return .object(keywords)
    }
}
