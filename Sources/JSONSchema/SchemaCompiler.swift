import JSONKit
import Manifests

extension Schema {
    /// Compiles a schema written in YAML or JSON. Every mistake is collected, with its position.
    package init(text: String) throws(SchemaCompilationFailure) {
        let stream = YAMLParser.parse(text)
        if let error = stream.errors.first {
            throw SchemaCompilationFailure(errors: [
                SchemaError(position: error.position, message: "the schema is not valid YAML or JSON: \(error.problem)")
            ])
        }
        guard let root = stream.documents.first?.root else {
            throw SchemaCompilationFailure(errors: [
                SchemaError(position: SourcePosition(line: 1, column: 1), message: "the schema is empty")
            ])
        }
        try self.init(node: root)
    }

    /// Compiles a schema already parsed (a `schema:` mapping of a configuration file).
    package init(node: YAMLNode) throws(SchemaCompilationFailure) {
        var compiler = SchemaCompiler(documents: ["": node], dialect: .jsonSchema)
        let root = compiler.compile(node, pointer: "#", depth: 0)
        try self.init(compiler, entries: [root])
    }

    /// Compiles several schemas into one table, with what their `$ref`s name in `documents`
    /// (by name: `""` for a single file, a path such as `user/basic.json` for a folder of schema
    /// files, so relative references resolve). A referenced part of a document is compiled when
    /// first referred to, so an OpenAPI description's `#/components/schemas/...` need not be
    /// schemas' keywords. `validate(_:entry:)` checks against entry `k` of `entries`, each a
    /// schema and the document its relative references are read from.
    package init(
        entries: [(schema: YAMLNode, document: String)], documents: [String: YAMLNode],
        dialect: SchemaDialect = .jsonSchema
    ) throws(SchemaCompilationFailure) {
        var compiler = SchemaCompiler(documents: documents, dialect: dialect)
        var roots: [Int] = []
        for (offset, entry) in entries.enumerated() {
            compiler.document = entry.document
            roots.append(compiler.compile(entry.schema, pointer: entry.document + "#⟨entry \(offset)⟩", depth: 0))
        }
        try self.init(compiler, entries: roots)
    }

    private init(_ compiler: SchemaCompiler, entries: [Int]) throws(SchemaCompilationFailure) {
        var compiler = compiler
        compiler.compileReferencedParts()
        guard compiler.errors.isEmpty else { throw SchemaCompilationFailure(errors: compiler.errors) }
        self.init(nodes: compiler.nodes, pointers: compiler.pointers, entries: entries)
    }
}

/// What a schema's keywords mean beyond JSON Schema's drafts.
package enum SchemaDialect: Sendable {
    /// The drafts (4 to 2019-09) and Polaris' `resourceMinimum`/`resourceMaximum`.
    case jsonSchema
    /// OpenAPI 3.0's schema objects (and Swagger 2.0's): `nullable: true` also admits `null`.
    case openAPI
}

/// Why a schema could not be compiled: every mistake found.
package struct SchemaCompilationFailure: Error, Sendable, CustomStringConvertible {
    package var errors: [SchemaError]
    package var description: String { errors.map(\.description).joined(separator: "; ") }
}

private struct SchemaCompiler {
    /// The documents `$ref`s may point into, by name, and the one being compiled.
    let documents: [String: YAMLNode]
    let dialect: SchemaDialect
    var document = ""
    var nodes: [SchemaNode] = []
    /// `document#/json/pointer` (or `document#anchor`) of every compiled subschema.
    var pointers: [String: Int] = [:]
    /// Every `$ref` met: the key it resolves to, as written, and where.
    var references: [(key: String, written: String, position: SourcePosition)] = []
    var errors: [SchemaError] = []

    init(documents: [String: YAMLNode], dialect: SchemaDialect) {
        self.documents = documents
        self.dialect = dialect
    }

    /// Compiles each part of a document that a `$ref` names and that is not compiled yet (and
    /// so on for the references inside it); a reference to nothing is an error. Ends: every
    /// round compiles new subschemas, and there are at most `Schema.maximumNodes`.
    mutating func compileReferencedParts() {
        var next = 0
        var reported = Set<String>()
        while next < references.count {
            let reference = references[next]
            next += 1
            guard pointers[reference.key] == nil else { continue }
            if let (name, target) = part(reference.key) {
                document = name
                _ = compile(target, pointer: reference.key, depth: 0)
            } else if reported.insert(reference.key).inserted {
                errors.append(
                    SchemaError(
                        position: reference.position,
                        message: "`$ref: \(reference.written)` refers to nothing in the schema or its documents"))
            }
        }
    }

    /// The node a reference key (`name#/json/pointer`) names, with its document's name.
    private func part(_ key: String) -> (String, YAMLNode)? {
        guard let hash = key.firstIndex(of: "#") else { return nil }
        let name = String(key[..<hash])
        let fragment = key[key.index(after: hash)...]
        guard var node = documents[name], fragment.isEmpty || fragment.hasPrefix("/") else { return nil }
        for raw in fragment.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let token = JSONPointer.unescaped(raw)
            if let items = node.items {
                guard let position = Int(token), items.indices.contains(position) else { return nil }
                node = items[position]
            } else {
                guard let child = node[token] else { return nil }
                node = child
            }
        }
        return (name, node)
    }

    /// A `$ref` as a key of `pointers`: `#/x` inside the current document, `file.json#/x` and
    /// `../file.json` relative to the current document's folder; nil when its `..`s climb above
    /// the folder all the documents are named from (nothing there is one of them).
    func key(of reference: String) -> String? {
        let hash = reference.firstIndex(of: "#") ?? reference.endIndex
        let file = String(reference[..<hash])
        let fragment = hash == reference.endIndex ? "#" : String(reference[hash...])
        guard !file.isEmpty else { return document + fragment }
        var folders = document.split(separator: "/").map(String.init).dropLast()
        for component in file.split(separator: "/").map(String.init) {
            switch component {
            case ".": continue
            case "..":
                guard !folders.isEmpty else { return nil }
                folders = folders.dropLast()
            default: folders.append(component)
            }
        }
        return folders.joined(separator: "/") + fragment
    }

    /// Keywords of later drafts this validator does not evaluate: refused rather than ignored,
    /// so a check never passes because part of its schema was skipped.
    static let unsupported: Set<String> = [
        "$recursiveRef", "$dynamicRef", "unevaluatedProperties", "unevaluatedItems", "prefixItems",
    ]

    mutating func compile(_ yaml: YAMLNode, pointer: String, depth: Int) -> Int {
        let index = nodes.count
        nodes.append(SchemaNode(position: yaml.start))
        pointers[pointer] = index
        guard depth < Schema.maximumDepth else {
            error(yaml, "the schema nests deeper than \(Schema.maximumDepth) levels")
            return index
        }
        guard nodes.count <= Schema.maximumNodes else {
            if nodes.count == Schema.maximumNodes + 1 {
                error(yaml, "the schema has more than \(Schema.maximumNodes) subschemas")
            }
            return index
        }
        if let bool = yaml.bool, yaml.scalar != nil {
            nodes[index].rejectsEverything = !bool
            return index
        }
        guard let entries = yaml.entries else {
            error(yaml, "a schema must be a mapping (or true or false)")
            return index
        }
        var node = SchemaNode(position: yaml.start)
        if let anchor = yaml["$anchor"]?.string { pointers[document + "#" + anchor] = index }
        for entry in entries {
            guard let key = entry.keyText else { continue }
            keyword(key, entry.value, into: &node, pointer: pointer + "/" + JSONPointer.escaped(key), depth: depth)
        }
        // Draft 4 writes `exclusiveMaximum: true` to make `maximum` exclusive (and so for minimum).
        if yaml["exclusiveMaximum"]?.bool == true, let maximum = node.maximum {
            node.exclusiveMaximum = maximum
            node.maximum = nil
        }
        if yaml["exclusiveMinimum"]?.bool == true, let minimum = node.minimum {
            node.exclusiveMinimum = minimum
            node.minimum = nil
        }
        nodes[index] = node
        return index
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func keyword(
        _ key: String, _ value: YAMLNode, into node: inout SchemaNode, pointer: String, depth: Int
    ) {
        let sub = { (self: inout SchemaCompiler, yaml: YAMLNode, at: String) -> Int in
            self.compile(yaml, pointer: at, depth: depth + 1)
        }
        switch key {
        case "type":
            if let single = value.string { node.types = [single] } else { node.types = strings(value, key) }
            for type in node.types ?? []
            where !["null", "boolean", "object", "array", "number", "integer", "string"].contains(type) {
                error(value, "unknown type `\(type)`")
            }
        case "enum":
            guard let items = value.items else {
                error(value, "`enum` must be a list")
                return
            }
            node.enumValues = items.map(JSONValue.init)
        case "const":
            node.hasConst = true
            node.constValue = JSONValue(value)
        case "multipleOf": node.multipleOf = number(value, key)
        case "maximum": node.maximum = number(value, key)
        case "minimum": node.minimum = number(value, key)
        case "exclusiveMaximum", "exclusiveMinimum":
            // Draft 4 writes these as booleans that make `maximum`/`minimum` exclusive.
            if value.bool != nil, value.scalar?.style == .plain {
                break  // draft 4: applied once the whole schema is read (see `compile`)
            } else if key == "exclusiveMaximum" {
                node.exclusiveMaximum = number(value, key)
            } else {
                node.exclusiveMinimum = number(value, key)
            }
        case "maxLength": node.maxLength = count(value, key)
        case "minLength": node.minLength = count(value, key)
        case "pattern": node.pattern = pattern(value)
        case "items":
            if let list = value.items {
                node.itemsList = list.enumerated().map { sub(&self, $1, pointer + "/\($0)") }
            } else {
                node.items = sub(&self, value, pointer)
            }
        case "additionalItems": node.additionalItems = sub(&self, value, pointer)
        case "maxItems": node.maxItems = count(value, key)
        case "minItems": node.minItems = count(value, key)
        case "uniqueItems": node.uniqueItems = value.bool ?? false
        case "contains": node.contains = sub(&self, value, pointer)
        case "maxContains": node.maxContains = count(value, key)
        case "minContains": node.minContains = count(value, key)
        case "maxProperties": node.maxProperties = count(value, key)
        case "minProperties": node.minProperties = count(value, key)
        case "required":
            // A `required:` with nothing under it (Polaris' hostPortSet) requires nothing.
            if !value.isNull { node.required = strings(value, key) }
        case "properties", "patternProperties", "dependentSchemas", "$defs", "definitions":
            guard let entries = value.entries else {
                if !value.isNull { error(value, "`\(key)` must be a mapping of schemas") }
                return
            }
            for entry in entries {
                guard let name = entry.keyText else { continue }
                let child = sub(&self, entry.value, pointer + "/" + JSONPointer.escaped(name))
                switch key {
                case "properties": node.properties[name] = child
                case "dependentSchemas": node.dependentSchemas[name] = child
                case "patternProperties":
                    if let compiled = pattern(entry.key) { node.patternProperties.append((compiled, child)) }
                default: break
                }
            }
        case "additionalProperties": node.additionalProperties = sub(&self, value, pointer)
        case "propertyNames": node.propertyNames = sub(&self, value, pointer)
        case "dependentRequired", "dependencies":
            for entry in value.entries ?? [] {
                guard let name = entry.keyText else { continue }
                if entry.value.isSequence {
                    node.dependentRequired[name] = strings(entry.value, key)
                } else {
                    node.dependentSchemas[name] = sub(&self, entry.value, pointer + "/" + JSONPointer.escaped(name))
                }
            }
        case "allOf", "anyOf", "oneOf":
            guard let items = value.items, !items.isEmpty else {
                error(value, "`\(key)` must be a non-empty list of schemas")
                return
            }
            let compiled = items.enumerated().map { sub(&self, $1, pointer + "/\($0)") }
            switch key {
            case "allOf": node.allOf = compiled
            case "anyOf": node.anyOf = compiled
            default: node.oneOf = compiled
            }
        case "not": node.not = sub(&self, value, pointer)
        case "if": node.ifSchema = sub(&self, value, pointer)
        case "then": node.thenSchema = sub(&self, value, pointer)
        case "else": node.elseSchema = sub(&self, value, pointer)
        case "$ref":
            guard let target = value.string else {
                error(value, "`$ref` must be a string")
                return
            }
            guard let resolved = self.key(of: Self.percentDecoded(target)) else {
                error(value, "`$ref: \(target)` climbs above the folder of the schema documents")
                return
            }
            node.ref = resolved
            references.append((resolved, target, value.start))
        case "$anchor":
            break  // registered in `compile`, for the subschema that holds it
        case "nullable" where dialect == .openAPI:
            node.nullable = value.bool == true
        case "resourceMinimum", "resourceMaximum":
            guard let text = value.string ?? value.scalar?.text, let quantity = ResourceQuantity.parse(text) else {
                error(value, "`\(key)` must be a resource quantity such as 100m, 512Mi or 2")
                return
            }
            if key == "resourceMinimum" {
                node.resourceMinimum = (quantity, text)
            } else {
                node.resourceMaximum = (quantity, text)
            }
        case let other where Self.unsupported.contains(other):
            error(value, "`\(other)` is not supported by Shipshape's schema validator; the check cannot be run")
        default:
            // Annotations ($schema, $id, $comment, title, description, format, default, examples...)
            // and unknown keywords are ignored, as the drafts require.
            break
        }
    }

    private mutating func number(_ value: YAMLNode, _ key: String) -> Double? {
        guard let number = JSONValue(value).doubleValue else {
            error(value, "`\(key)` must be a number")
            return nil
        }
        return number
    }

    private mutating func count(_ value: YAMLNode, _ key: String) -> Int? {
        guard let number = JSONValue(value).doubleValue, number >= 0, number.rounded() == number, number < 1e15 else {
            error(value, "`\(key)` must be a whole number, 0 or more")
            return nil
        }
        return Int(number)
    }

    private mutating func strings(_ value: YAMLNode, _ key: String) -> [String] {
        guard let items = value.items else {
            error(value, "`\(key)` must be a list of strings")
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalar?.text else {
                error(item, "`\(key)` must be a list of strings")
                return nil
            }
            return text
        }
    }

    private mutating func pattern(_ value: YAMLNode) -> SchemaPattern? {
        guard let text = value.scalar?.text else {
            error(value, "a pattern must be a string")
            return nil
        }
        do {
            return try SchemaPattern(text)
        } catch {
            self.error(value, "`\(text)` is not a regular expression this validator understands: \(error)")
            return nil
        }
    }

    private mutating func error(_ node: YAMLNode, _ message: String) {
        errors.append(SchemaError(position: node.start, message: message))
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
