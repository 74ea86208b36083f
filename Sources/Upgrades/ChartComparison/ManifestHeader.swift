import Manifests

/// What a chart comparison needs from one document of a manifest or template: its apiVersion,
/// kind and name, with the line of each apiVersion, and the document's own text.
struct ManifestHeader: Sendable, Hashable {
    struct APIVersion: Sendable, Hashable {
        var value: String
        /// 1-based, in the whole file.
        var line: Int
    }

    /// Usually one; several when a template picks the apiVersion by the cluster's capabilities
    /// (`{{ if .Capabilities.APIVersions.Has "policy/v1" }}`).
    var apiVersions: [APIVersion]
    var kind: String?
    var name: String?
    var text: String

    var isCustomResourceDefinition: Bool { kind == "CustomResourceDefinition" && name != nil }

    /// The headers of each document in `text` that has any content. A document that parses as
    /// YAML is read from the tree; one that does not (most templates, for their `{{ }}` actions)
    /// is read line by line, and values that hold a template action are left out either way.
    static func read(_ text: String) -> [ManifestHeader] {
        TemplateDocument.split(text).compactMap { document in
            guard document.hasContent else { return nil }
            return parsed(document) ?? document.scannedHeader()
        }
    }

    private static func parsed(_ document: TemplateDocument) -> ManifestHeader? {
        let stream = YAMLParser.parse(document.text)
        guard stream.errors.isEmpty, !stream.hasComplexKeys, stream.documents.count == 1,
            let root = stream.documents[0].root, root.isMapping
        else { return nil }
        var apiVersions: [APIVersion] = []
        if let entry = root.entry("apiVersion"), let value = literal(entry.value.string) {
            apiVersions.append(APIVersion(value: value, line: document.firstLine + entry.key.start.line - 1))
        }
        return ManifestHeader(
            apiVersions: apiVersions, kind: literal(root["kind"]?.string),
            name: literal(root["metadata"]?["name"]?.string), text: document.text)
    }

    /// The value unless it is empty or still holds a template action.
    static func literal(_ value: String?) -> String? {
        guard let value, !value.isEmpty, !value.contains("{{") else { return nil }
        return value
    }
}
