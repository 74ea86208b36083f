extension JSONSchemaValidator {
    func checkCombinators(
        _ value: JSONValue, _ keywords: [String: JSONValue], _ context: SchemaContext,
        _ violations: inout [String]
    ) {
        for schema in keywords["allOf"]?.arrayValue ?? [] {
            check(value, schema, context.nested(), &violations)
        }
        if let alternatives = keywords["anyOf"]?.arrayValue {
            let outcomes = alternatives.map { outcome(value, $0, context) }
            if !outcomes.contains(where: \.isEmpty) {
                violations.append("\(context.path): matches none of the anyOf alternatives (\(summary(outcomes)))")
            }
        }
        if let alternatives = keywords["oneOf"]?.arrayValue {
            let outcomes = alternatives.map { outcome(value, $0, context) }
            let matches = outcomes.filter(\.isEmpty).count
            if matches == 0 {
                violations.append("\(context.path): matches none of the oneOf alternatives (\(summary(outcomes)))")
            } else if matches > 1 {
                violations.append("\(context.path): matches \(matches) of the oneOf alternatives, expected exactly one")
            }
        }
        if let excluded = keywords["not"], outcome(value, excluded, context).isEmpty {
            violations.append("\(context.path): matches a schema it must not match (not)")
        }
    }

    private func outcome(_ value: JSONValue, _ schema: JSONValue, _ context: SchemaContext) -> [String] {
        var found: [String] = []
        check(value, schema, context.nested(), &found)
        return found
    }

    /// The first violation of each alternative, so a reader sees why none fitted.
    private func summary(_ outcomes: [[String]]) -> String {
        outcomes.enumerated().map { "#\($0.offset + 1): \($0.element.first ?? "")" }.joined(separator: "; ")
    }
}
