import JSONKit
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
        var buffer = JSONBuffer(capacity: 1024)
        write(node, to: &buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    private static func write(_ node: YAMLNode, to buffer: inout JSONBuffer) {
        switch node.content {
        case .scalar(let scalar):
            switch JSONValue(scalar: scalar) {
            case .null: raw("null", to: &buffer)
            case .bool(let bool): raw(bool ? "true" : "false", to: &buffer)
            case .integer, .number: raw(scalar.text, to: &buffer)
            default: buffer.appendQuoted(scalar.text)
            }
        case .sequence(let items):
            buffer.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { buffer.append(UInt8(ascii: ",")) }
                write(item, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .mapping(let entries):
            buffer.append(UInt8(ascii: "{"))
            for (offset, entry) in entries.enumerated() {
                if offset > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.appendQuoted(entry.keyText ?? "")
                buffer.append(UInt8(ascii: ":"))
                write(entry.value, to: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        }
    }

    private static func raw(_ text: String, to buffer: inout JSONBuffer) {
        for byte in text.utf8 { buffer.append(byte) }
    }
}
