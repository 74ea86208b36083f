/// Checks a JSON value against a JSON Schema (the draft-4 core that OpenAPI 3.0 and Swagger 2.0
/// use, plus OpenAPI's `nullable`), and says for every mismatch where it is and what was expected:
/// `request body.comments[0].line: expected integer, got string`.
///
/// Annotations (`description`, `example`, `format`, `readOnly`, `default`, `x-*`) are ignored, as
/// is any keyword it does not know; a `type` it does not know (GitLab's `"date"`) accepts anything.
package struct JSONSchemaValidator: Sendable {
    package struct Options: Sendable {
        /// Accept `null` for a property whose schema is a `$ref`, an object or an array. Gitea's
        /// and Forgejo's Swagger is generated from Go structs and never marks such fields
        /// nullable, though their responses carry `null` for unset ones (`milestone`, `merged_by`).
        package var acceptsNullForStructuredProperties: Bool
        /// Accept `null` for a `format: date-time` string property: Gitea's and Forgejo's
        /// optional times are Go `*time.Time` (`merged_at`, `closed_at`, `due_date`).
        package var acceptsNullForDateTimeProperties: Bool
        /// Further properties, by name, that may be `null` whatever their schema says (Gitea's
        /// `merge_commit_sha` is a Go `*string`).
        package var nullablePropertyNames: Set<String>

        package init(
            acceptsNullForStructuredProperties: Bool = false, acceptsNullForDateTimeProperties: Bool = false,
            nullablePropertyNames: Set<String> = []
        ) {
            self.acceptsNullForStructuredProperties = acceptsNullForStructuredProperties
            self.acceptsNullForDateTimeProperties = acceptsNullForDateTimeProperties
            self.nullablePropertyNames = nullablePropertyNames
        }

        /// Gitea's and Forgejo's Swagger, generated from Go structs whose pointer fields are
        /// `null` when unset (`modules/structs/pull.go` and the like).
        package static let goStructs = Options(
            acceptsNullForStructuredProperties: true,
            acceptsNullForDateTimeProperties: true,
            nullablePropertyNames: ["merge_commit_sha"]
        )
    }

    package var documents: SchemaDocuments
    package var options: Options
    static let maximumDepth = 200

    package init(documents: SchemaDocuments, options: Options = Options()) {
        self.documents = documents
        self.options = options
    }

    /// A validator for one self-contained schema (its `$ref`s point into itself).
    package init(schema: JSONValue, options: Options = Options()) {
        self.init(documents: SchemaDocuments(root: schema), options: options)
    }

    /// Validates against the root of the document named "" (see `init(schema:options:)`).
    package func validate(_ value: JSONValue, at path: String = "value") -> [String] {
        guard let root = documents.document(named: "") else { return ["\(path): the validator has no root schema"] }
        return validate(value, against: root, at: path)
    }

    /// Validates against `schema`, whose `$ref`s are resolved from the document named `document`.
    package func validate(_ value: JSONValue, against schema: JSONValue, in document: String = "", at path: String)
        -> [String]
    {
        var violations: [String] = []
        check(value, schema, SchemaContext(document: document, path: path, depth: 0), &violations)
        return violations
    }

    func check(_ value: JSONValue, _ schema: JSONValue, _ context: SchemaContext, _ violations: inout [String]) {
        if case .bool(let allowed) = schema {
            if !allowed { violations.append("\(context.path): not allowed here (the schema is false)") }
            return
        }
        guard let keywords = schema.objectValue else { return }
        guard context.depth < Self.maximumDepth else {
            violations.append("\(context.path): schema nesting deeper than \(Self.maximumDepth) levels (a $ref cycle?)")
            return
        }
        if let ref = keywords["$ref"]?.stringValue {
            guard let (target, document) = documents.resolve(ref, from: context.document) else {
                violations.append("\(context.path): the schema reference \(ref) does not resolve")
                return
            }
            check(value, target, context.following(into: document), &violations)
            return
        }
        if value == .null, keywords["nullable"] == .bool(true) { return }
        guard checkType(value, keywords, context, &violations) else { return }
        checkEnumeration(value, keywords, context, &violations)
        switch value {
        case .string(let text): checkString(text, keywords, context, &violations)
        case .integer, .number: checkNumber(value, keywords, context, &violations)
        case .array(let items): checkArray(items, keywords, context, &violations)
        case .object(let members): checkObject(members, keywords, context, &violations)
        case .null, .bool: break
        }
        checkCombinators(value, keywords, context, &violations)
    }

    /// Returns false when the type is wrong, so the other keywords do not pile up noise.
    private func checkType(
        _ value: JSONValue, _ keywords: [String: JSONValue], _ context: SchemaContext,
        _ violations: inout [String]
    ) -> Bool {
        let types: [String]
        switch keywords["type"] {
        case .string(let single): types = [single]
        case .array(let several): types = several.compactMap(\.stringValue)
        default: return true
        }
        let known: Set = ["null", "boolean", "integer", "number", "string", "array", "object"]
        guard types.allSatisfy(known.contains) else { return true }
        let actual = value.typeName
        if types.contains(actual) || (actual == "integer" && types.contains("number")) { return true }
        violations.append("\(context.path): expected \(types.joined(separator: " or ")), got \(actual)")
        return false
    }

    private func checkEnumeration(
        _ value: JSONValue, _ keywords: [String: JSONValue], _ context: SchemaContext,
        _ violations: inout [String]
    ) {
        if let allowed = keywords["enum"]?.arrayValue, !allowed.contains(where: value.isSameValue) {
            let list = allowed.map(\.jsonText).joined(separator: ", ")
            violations.append("\(context.path): \(value.jsonText) is not one of \(list)")
        }
        if let constant = keywords["const"], !value.isSameValue(as: constant) {
            violations.append("\(context.path): \(value.jsonText) is not the required value \(constant.jsonText)")
        }
    }
}

/// Where the validator is: which document `$ref`s resolve from, the value's path, the depth.
struct SchemaContext {
    var document: String
    var path: String
    var depth: Int

    func following(into document: String) -> SchemaContext {
        SchemaContext(document: document, path: path, depth: depth + 1)
    }

    func property(_ name: String) -> SchemaContext {
        SchemaContext(document: document, path: path.isEmpty ? name : "\(path).\(name)", depth: depth + 1)
    }

    func item(_ position: Int) -> SchemaContext {
        SchemaContext(document: document, path: "\(path)[\(position)]", depth: depth + 1)
    }

    func nested() -> SchemaContext {
        SchemaContext(document: document, path: path, depth: depth + 1)
    }
}
