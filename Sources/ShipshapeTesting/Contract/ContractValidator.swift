import JSONKit
import JSONSchema
import Manifests

/// The contract's schemas, compiled once with the product's validator (`JSONSchema`, OpenAPI
/// dialect) together with the documents their `$ref`s point into, and checked by the JSON they
/// are written as. A mismatch reads `response body.head.sha: must be a string, not an integer`;
/// only the first mismatch of a value is reported.
struct ContractValidator: Sendable {
    private let compiled: Schema
    private let entries: [JSONValue: Int]

    /// `schemas`: every schema an operation uses (parameters, bodies, responses), read from
    /// the document named `""`; `documents`: what references may name (the OpenAPI file itself,
    /// or each file of a folder of schema files by its path in the folder).
    init(schemas: [JSONValue], documents: [String: JSONValue], file: String) throws {
        var entries: [JSONValue: Int] = [:]
        var written: [JSONValue] = []
        for schema in schemas where entries[schema] == nil {
            entries[schema] = written.count
            written.append(schema)
        }
        do {
            compiled = try Schema(
                entries: written.map { (schema: $0.yamlDocument, document: "") },
                documents: documents.mapValues(\.yamlDocument), dialect: .openAPI)
        } catch {
            throw APIContractError(file: file, reason: "its schemas do not compile: \(error)")
        }
        self.entries = entries
    }

    /// The mismatches of `value` against `schema` (one of the schemas given at `init`), each
    /// prefixed with `label` and the dotted path of the value that does not fit.
    func validate(_ value: JSONValue, against schema: JSONValue, at label: String) -> [String] {
        guard let entry = entries[schema] else { return ["\(label): the contract has no compiled schema for this"] }
        guard let failure = compiled.validate(.value(value, at: SourcePosition(line: 1, column: 1)), entry: entry)
        else { return [] }
        let path = failure.path.description
        let separator = path.isEmpty || path.hasPrefix("[") ? "" : "."
        return ["\(label)\(separator)\(path): \(failure.message)"]
    }
}
