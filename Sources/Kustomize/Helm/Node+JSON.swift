import Foundation
import Policy

extension Node {
    /// The value as JSON text, scalars typed as YAML 1.2's core schema types plain ones (how
    /// Helm reads a values file).
    var jsonText: String {
        switch value {
        case .scalar(let scalar):
            switch scalar.kind {
            case .plain where scalar.isNull: return "null"
            case .plain where !PlainScalar.readsAsString(scalar.text):
                return Self.number(scalar.text) ?? YAMLEmitter.quoted(scalar.text)
            default: return YAMLEmitter.quoted(scalar.text)
            }
        case .mapping(let entries):
            return "{" + entries.map { YAMLEmitter.quoted($0.key) + ":" + $0.node.jsonText }.joined(separator: ",")
                + "}"
        case .sequence(let items):
            return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        }
    }

    /// JSON for a plain boolean or number; nil for what JSON cannot hold (`.inf`).
    private static func number(_ text: String) -> String? {
        if ["true", "True", "TRUE"].contains(text) { return "true" }
        if ["false", "False", "FALSE"].contains(text) { return "false" }
        var clean = text.replacingOccurrences(of: "_", with: "")
        var sign = ""
        if clean.hasPrefix("+") {
            clean.removeFirst()
        } else if clean.hasPrefix("-") {
            clean.removeFirst()
            sign = "-"
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where clean.lowercased().hasPrefix(prefix) {
            return Int(clean.dropFirst(2), radix: radix).map { sign + String($0) }
        }
        if let integer = Int(clean) { return sign + String(integer) }
        guard let double = Double(clean), double.isFinite else { return nil }
        return sign + "\(double)"
    }

    /// `overlay` laid over `self`: mappings merged key by key, anything else replaced.
    func merged(with overlay: Node) -> Node {
        guard let base = entries, let top = overlay.entries else { return overlay }
        var result = self
        var merged = base
        for entry in top {
            if let index = merged.firstIndex(where: { $0.key == entry.key }) {
                merged[index].node = merged[index].node.merged(with: entry.node)
            } else {
                merged.append(entry)
            }
        }
        result.value = .mapping(merged)
        return result
    }

    /// Every part of the tree placed at `origin` (objects a chart rendered: no written line
    /// explains them better than the `helmCharts` entry).
    mutating func placeAll(at origin: SourceLocation?) {
        self.origin = origin
        switch value {
        case .scalar: break
        case .mapping(var entries):
            for index in entries.indices { entries[index].node.placeAll(at: origin) }
            value = .mapping(entries)
        case .sequence(var items):
            for index in items.indices { items[index].placeAll(at: origin) }
            value = .sequence(items)
        }
    }
}
