import Foundation

/// The JSON documents a schema's `$ref`s may point into, by name. An OpenAPI file is one
/// document named ""; GitLab's schema folder is one document per file, named by its path inside
/// the folder (`merge_request.json`, `user/basic.json`), so its relative references resolve.
package struct SchemaDocuments: Sendable {
    private var documents: [String: JSONValue] = [:]

    package init() {}

    /// A single self-contained document (an OpenAPI or Swagger file, or one schema).
    package init(root: JSONValue) {
        documents[""] = root
    }

    package mutating func add(_ document: JSONValue, named name: String) {
        documents[name] = document
    }

    /// Every `.json` file below `folder`, named by its path relative to `folder`.
    package static func load(folder: URL) throws -> SchemaDocuments {
        var loaded = SchemaDocuments()
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw APIContractError(file: root, reason: "the folder cannot be read")
        }
        for case let relative as String in walker where relative.hasSuffix(".json") {
            loaded.add(
                try APIContractError.readJSON(at: URL(fileURLWithPath: root).appending(path: relative)), named: relative
            )
        }
        return loaded
    }

    package func document(named name: String) -> JSONValue? { documents[name] }

    /// Resolves `ref` (`#/json/pointer`, `file.json`, `dir/file.json#/pointer`) as seen from the
    /// document `base`; returns the target and the name of the document it lives in.
    package func resolve(_ ref: String, from base: String) -> (schema: JSONValue, document: String)? {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let filePart = String(parts[0])
        let pointer = parts.count > 1 ? String(parts[1]) : ""
        let name = filePart.isEmpty ? base : Self.join(directoryOf: base, filePart)
        guard let document = documents[name], let target = Self.follow(pointer, in: document) else { return nil }
        return (target, name)
    }

    private static func join(directoryOf base: String, _ relative: String) -> String {
        var components = base.split(separator: "/").map(String.init).dropLast()
        for component in relative.split(separator: "/").map(String.init) {
            switch component {
            case ".": continue
            case "..": components = components.dropLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// RFC 6901 JSON Pointer, with the URI-fragment percent-encoding OpenAPI references may use.
    private static func follow(_ pointer: String, in document: JSONValue) -> JSONValue? {
        var current = document
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            let token = (String(raw).removingPercentEncoding ?? String(raw))
                .replacingOccurrences(of: "~1", with: "/")
                .replacingOccurrences(of: "~0", with: "~")
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
