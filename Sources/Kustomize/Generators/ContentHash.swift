import Crypto
import Manifests

/// The suffix kustomize appends to generated names: the SHA-256 of a JSON encoding of the
/// object's kind, name and data (Go's `encoding/json`, keys sorted), its first ten hex digits
/// with 0, 1, 3, a, e replaced by g, h, k, m, t so the suffix never reads as a number or word.
///
/// The name is always empty: kustomize looks it up as one field called `metadata/name`, which
/// no object has, so the hash depends on the content only (checked against kustomize's output).
enum ContentHash {
    static func hash(_ node: Node) -> String {
        var fields: [(String, String)] = []
        let kind = node["kind"]?.string ?? ""
        fields.append(("kind", GoJSON.string(kind)))
        fields.append(("name", GoJSON.string("")))
        fields.append(("data", node["data"].map(GoJSON.value) ?? GoJSON.string("")))
        if kind == "ConfigMap" {
            if let binary = node["binaryData"], binary.entries != nil {
                fields.append(("binaryData", GoJSON.value(binary)))
            }
        } else if kind == "Secret" {
            fields.append(("type", node["type"].map(GoJSON.value) ?? GoJSON.string("")))
            if let stringData = node["stringData"], stringData.entries != nil {
                fields.append(("stringData", GoJSON.value(stringData)))
            }
        }
        let json = GoJSON.object(fields)
        return encode(SHA256.hash(data: Array(json.utf8)))
    }

    static func encode(_ digest: SHA256.Digest) -> String {
        let hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        return String(
            hex.prefix(10).map { character -> Character in
                switch character {
                case "0": "g"
                case "1": "h"
                case "3": "k"
                case "a": "m"
                case "e": "t"
                default: character
                }
            })
    }
}

/// Just enough of Go's `encoding/json` output: sorted object keys, Go's string escapes.
enum GoJSON {
    static func object(_ fields: [(String, String)]) -> String {
        let sorted = fields.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        return "{" + sorted.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func value(_ node: Node) -> String {
        switch node.value {
        case .scalar(let scalar):
            if scalar.isNull { return "null" }
            if case .plain = scalar.kind {
                if let bool = YAMLScalar(text: scalar.text).bool, ["true", "false"].contains(scalar.text) {
                    return bool ? "true" : "false"
                }
                if Int(scalar.text) != nil { return scalar.text }
            }
            return string(scalar.text)
        case .mapping(let entries):
            return object(entries.map { ($0.key, value($0.node)) })
        case .sequence(let items):
            return "[" + items.map(value).joined(separator: ",") + "]"
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
