/// Writes nodes as block YAML that any YAML 1.1 or 1.2 reader reads back as the same data:
/// strings are quoted whenever their plain form could read as something else.
enum YAMLEmitter {
    static func document(_ node: Node) -> String {
        var out = ""
        write(node, indent: 0, into: &out, context: .document)
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }

    private enum Context { case document, mappingValue, sequenceItem }

    private static func write(_ node: Node, indent: Int, into out: inout String, context: Context) {
        let pad = String(repeating: " ", count: indent)
        switch node.value {
        case .scalar(let scalar):
            if context != .document { out += " " }
            out += render(scalar)
            out += "\n"
        case .mapping(let entries):
            if entries.isEmpty {
                out += context == .document ? "{}\n" : " {}\n"
                return
            }
            if context == .mappingValue { out += "\n" }
            for (index, entry) in entries.enumerated() {
                // The first entry of a sequence item shares the `- ` line.
                if !(context == .sequenceItem && index == 0) { out += pad }
                out += key(entry.key) + ":"
                write(entry.node, indent: indent + 2, into: &out, context: .mappingValue)
            }
        case .sequence(let items):
            if items.isEmpty {
                out += context == .document ? "[]\n" : " []\n"
                return
            }
            if context != .document { out += "\n" }
            for item in items {
                out += pad + "- "
                if case .scalar(let scalar) = item.value {
                    out += render(scalar) + "\n"
                } else if item.entries?.isEmpty == true || item.items?.isEmpty == true {
                    out += (item.entries != nil ? "{}" : "[]") + "\n"
                } else {
                    write(item, indent: indent + 2, into: &out, context: .sequenceItem)
                }
            }
        }
    }

    private static func key(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    static func render(_ scalar: Scalar) -> String {
        switch scalar.kind {
        case .plain:
            if scalar.text.isEmpty { return "null" }
            // kustomize reads plain scalars by YAML 1.2's rules, where `yes` and `on` are
            // strings; written plain they would read as booleans by YAML 1.1's.
            if yaml11OnlyBooleans.contains(scalar.text) { return quoted(scalar.text) }
            return isSafePlainSyntax(scalar.text) ? scalar.text : quoted(scalar.text)
        case .string:
            return isSafePlain(scalar.text) ? scalar.text : quoted(scalar.text)
        case .tagged(let tag):
            let shortTag = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
            return shortTag + " " + quoted(scalar.text)
        }
    }

    static let yaml11OnlyBooleans: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ]

    /// Text that reads back as the same string when written plain.
    static func isSafePlain(_ text: String) -> Bool {
        guard isSafePlainSyntax(text), let first = text.unicodeScalars.first else { return false }
        if ("0"..."9").contains(first) || first == "-" || first == "+" || first == "." { return false }
        // The words below are at most 5 bytes long, and no longer text lowercases to one (the
        // only letter outside ASCII that lowercases into it is the Kelvin sign, to `k`): most
        // keys and values are not lowercased at all.
        guard text.utf8.count <= 5 else { return true }
        switch text.lowercased() {
        case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "=", "<<": return false
        default: return true
        }
    }

    /// Text a plain scalar can hold on one line (its type aside).
    static func isSafePlainSyntax(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(last) || " \t".unicodeScalars.contains(first) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-1`, `-foo` are fine plain; `- x` and `-` alone are not.
            guard first == "-", text.count > 1, !text.hasPrefix("- "), !text.hasPrefix("---") else { return false }
        }
        if last == ":" { return false }
        // One pass: no `: `, no ` #`, no control characters or line separators.
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F, 0x80..<0xA0, 0xFEFF, 0x2028, 0x2029: return false
            default: break
            }
            if scalar == " " && previous == ":" { return false }
            if scalar == "#" && previous == " " { return false }
            previous = scalar
        }
        return true
    }

    /// A double-quoted scalar, escaped as JSON escapes (a subset of YAML's escapes).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
