import HelmKit

/// Values written as JSON for the Helm library, optionally with every string the repository
/// wrote replaced by a marker (see `ValuesMarkers`).
enum ValuesJSON {
    static func write(_ tree: ValuesTree, markers: ValuesMarkers? = nil) -> String {
        var output = ""
        write(tree, path: [], markers: markers, into: &output)
        return output
    }

    private static func write(_ tree: ValuesTree, path: [String], markers: ValuesMarkers?, into output: inout String) {
        switch tree.content {
        case .map(let entries):
            output += "{"
            for (offset, entry) in entries.enumerated() {
                if offset > 0 { output += "," }
                output += quoted(entry.key) + ":"
                write(entry.value, path: path + [entry.key], markers: markers, into: &output)
            }
            output += "}"
        case .list(let items):
            output += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { output += "," }
                write(item, path: path + ["[\(offset)]"], markers: markers, into: &output)
            }
            output += "]"
        case .scalar(let scalar):
            switch scalar {
            case .null: output += "null"
            case .bool(let value): output += value ? "true" : "false"
            case .number(let text): output += text
            case .string(let text):
                if let markers, let origin = tree.origin, !text.isEmpty {
                    output += quoted(markers.marker(for: origin))
                } else {
                    output += quoted(text)
                }
            }
        }
    }

    static func quoted(_ text: String) -> String {
        JSONText.quoted(text)
    }
}
