import Manifests

extension JSONValue {
    /// The value as a YAML document built in memory, for the schema compiler, which reads YAML
    /// (schemas written in JSON: OpenAPI descriptions, schema files, schemas built in Swift).
    /// Strings are quoted scalars, so `"true"` stays a string; numbers keep their exact text.
    /// Positions are node numbers, not lines of a file.
    package var yamlDocument: YAMLNode {
        var builder = YAMLDocumentBuilder()
        add(to: &builder)
        // A document with one value in it always has a root.
        return builder.finish()!
    }

    private func add(to builder: inout YAMLDocumentBuilder) {
        switch self {
        case .null: builder.scalar("null", style: .plain)
        case .bool(let flag): builder.scalar(flag ? "true" : "false", style: .plain)
        case .integer(let whole): builder.scalar(String(whole), style: .plain)
        case .number(let number): builder.scalar(number.isFinite ? "\(number)" : "null", style: .plain)
        case .string(let text): builder.scalar(text, style: .doubleQuoted)
        case .array(let items):
            builder.beginSequence()
            for item in items { item.add(to: &builder) }
            builder.end()
        case .object(let members):
            builder.beginMapping()
            for key in members.keys.sorted() {
                builder.scalar(key, style: .doubleQuoted)
                members[key]!.add(to: &builder)
            }
            builder.end()
        }
    }
}
