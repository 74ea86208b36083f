import JSONKit
import JSONSchema

/// GitLab's `milestone.json` writes `type: date` (a type JSON Schema does not have) for
/// `created_at`, `start_date` and `due_date`, which GitLab answers as text or, when unset,
/// `null`: read as that before the schema is compiled, which refuses unknown types.
enum GitLabDates {
    static func asText(_ document: JSONValue) -> JSONValue {
        switch document {
        case .array(let items): return .array(items.map(asText))
        case .object(var members):
            for (key, value) in members {
                members[key] = key == "type" && value == "date" ? ["string", "null"] : asText(value)
            }
            return .object(members)
        default: return document
        }
    }
}
