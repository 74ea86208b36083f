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

    /// An integer, or a number that holds exactly one, when it fits in an `Int`; nil for every
    /// other kind (a string of digits included).
    package var intValue: Int? {
        switch self {
        case .integer(let whole): Int(exactly: whole)
        case .number(let number): Int(exactly: number)
        default: nil
        }
    }

    /// A string's text, or a number as JSON writes it (`42`, `1.5`); nil for every other kind.
    /// For fields a forge sends as either (an error code, a message).
    package var scalarText: String? {
        switch self {
        case .string(let text): text
        case .integer, .number: jsonText
        default: nil
        }
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
