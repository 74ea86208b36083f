extension JSONValue {
    package subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    package var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    package var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    package var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    package var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The value of an integer or a number; nil for every other kind (booleans included).
    package var doubleValue: Double? {
        switch self {
        case .integer(let whole): Double(whole)
        case .number(let number): number
        default: nil
        }
    }

    /// The value a JSON Pointer (RFC 6901: `/components/schemas/user`, `~1` for `/`, `~0` for
    /// `~`) names inside this one; nil when there is none. `""` is the value itself.
    package func pointee(_ pointer: String) -> JSONValue? {
        var current = self
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            let token = JSONPointer.unescaped(raw)
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let items):
                guard let position = Int(token), items.indices.contains(position) else { return nil }
                current = items[position]
            default:
                return nil
            }
        }
        return current
    }
}

/// The escaping of JSON Pointer tokens (RFC 6901), shared by the compiler's `$ref` keys.
enum JSONPointer {
    static func escaped(_ token: String) -> String {
        token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    static func unescaped(_ token: Substring) -> String {
        String(token).replacing("~1", with: "/").replacing("~0", with: "~")
    }
}
