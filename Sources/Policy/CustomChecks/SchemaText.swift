import JSONSchema
import Manifests

/// A `schema:` mapping as JSON text, for templating it the way Polaris does (it marshals the
/// schema to JSON and runs the template over that).
enum SchemaText {
    static func hasTemplateAction(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .scalar(let scalar): scalar.text.contains("{{")
        case .sequence(let items): items.contains(where: hasTemplateAction)
        case .mapping(let entries): entries.contains { hasTemplateAction($0.key) || hasTemplateAction($0.value) }
        }
    }

    static func json(_ node: YAMLNode) -> String {
        var text = ""
        write(node, to: &text)
        return text
    }

    private static func write(_ node: YAMLNode, to text: inout String) {
        switch node.content {
        case .scalar(let scalar):
            switch JSONValue(scalar: scalar) {
            case .null: text += "null"
            case .bool(let bool): text += bool ? "true" : "false"
            case .number: text += scalar.text
            default: quote(scalar.text, to: &text)
            }
        case .sequence(let items):
            text += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { text += "," }
                write(item, to: &text)
            }
            text += "]"
        case .mapping(let entries):
            text += "{"
            for (offset, entry) in entries.enumerated() {
                if offset > 0 { text += "," }
                quote(entry.keyText ?? "", to: &text)
                text += ":"
                write(entry.value, to: &text)
            }
            text += "}"
        }
    }

    private static func quote(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
