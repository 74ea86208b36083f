import JSONKit
import JSONSchema

/// Test helpers that make broken copies of examples: replace or remove the value at a path of
/// member names and array positions (`["comments", 0, "line"]`).
extension JSONValue {
    enum Step: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case member(String)
        case position(Int)

        init(stringLiteral value: String) { self = .member(value) }
        init(integerLiteral value: Int) { self = .position(value) }
    }

    /// A copy with the value at `path` replaced by `value`, or removed when `value` is nil.
    func replacing(_ path: [Step], with value: JSONValue?) -> JSONValue {
        guard let first = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.object(var members), .member(let name)):
            if rest.isEmpty {
                members[name] = value
            } else {
                members[name] = (members[name] ?? .null).replacing(rest, with: value)
            }
            return .object(members)
        case (.array(var items), .position(let position)) where items.indices.contains(position):
            if rest.isEmpty, value == nil {
                items.remove(at: position)
            } else {
                items[position] = items[position].replacing(rest, with: value)
            }
            return .array(items)
        default:
            return self
        }
    }
}
