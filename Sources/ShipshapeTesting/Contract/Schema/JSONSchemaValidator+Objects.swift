extension JSONSchemaValidator {
    func checkObject(
        _ members: [String: JSONValue], _ keywords: [String: JSONValue], _ context: SchemaContext,
        _ violations: inout [String]
    ) {
        let properties = keywords["properties"]?.objectValue ?? [:]
        for name in keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            violations.append("\(context.property(name).path): required property is missing")
        }
        for name in members.keys.sorted() {
            guard let value = members[name] else { continue }
            let memberContext = context.property(name)
            if let schema = properties[name] {
                if value == .null, acceptsNull(for: name, schema) { continue }
                check(value, schema, memberContext, &violations)
                continue
            }
            switch keywords["additionalProperties"] {
            case .bool(false)?:
                violations.append("\(memberContext.path): property is not allowed by the schema")
            case .object(let schema)?:
                check(value, .object(schema), memberContext, &violations)
            default:
                break
            }
        }
        if let minimum = keywords["minProperties"]?.doubleValue, Double(members.count) < minimum {
            violations.append("\(context.path): has \(members.count) properties, expected at least \(Int(minimum))")
        }
    }

    private func acceptsNull(for name: String, _ schema: JSONValue) -> Bool {
        if options.nullablePropertyNames.contains(name) { return true }
        if options.acceptsNullForStructuredProperties, isStructured(schema) { return true }
        return options.acceptsNullForDateTimeProperties && schema["format"] == .string("date-time")
    }

    /// A schema that stands for an object or an array: a `$ref`, or `type` object/array, or
    /// `properties`/`items` without a type.
    private func isStructured(_ schema: JSONValue) -> Bool {
        guard let keywords = schema.objectValue else { return false }
        if keywords["$ref"] != nil || keywords["properties"] != nil || keywords["items"] != nil { return true }
        let types: [String] =
            keywords["type"]?.stringValue.map { [$0] } ?? keywords["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return types.contains("object") || types.contains("array")
    }

    func checkArray(
        _ items: [JSONValue], _ keywords: [String: JSONValue], _ context: SchemaContext,
        _ violations: inout [String]
    ) {
        switch keywords["items"] {
        case .array(let positional)?:
            for (position, item) in items.enumerated() where position < positional.count {
                check(item, positional[position], context.item(position), &violations)
            }
        case let schema?:
            for (position, item) in items.enumerated() {
                check(item, schema, context.item(position), &violations)
            }
        case nil:
            break
        }
        if let minimum = keywords["minItems"]?.doubleValue, Double(items.count) < minimum {
            violations.append("\(context.path): has \(items.count) items, expected at least \(Int(minimum))")
        }
        if let maximum = keywords["maxItems"]?.doubleValue, Double(items.count) > maximum {
            violations.append("\(context.path): has \(items.count) items, expected at most \(Int(maximum))")
        }
    }
}
