import Manifests

/// A YAML document as data (what `kubectl apply` would read), for comparing builds whatever
/// their key order and quoting: plain scalars are typed by YAML 1.2's core rules, as kustomize
/// reads them.
indirect enum YAMLData: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case map([String: YAMLData])
    case list([YAMLData])

    init(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let scalar):
            self = YAMLData.scalar(scalar)
        case .mapping(let entries):
            var map: [String: YAMLData] = [:]
            for entry in entries { map[entry.keyText ?? ""] = YAMLData(entry.value) }
            self = .map(map)
        case .sequence(let items):
            self = .list(items.map(YAMLData.init))
        }
    }

    private static func scalar(_ scalar: YAMLScalar) -> YAMLData {
        guard scalar.style == .plain, scalar.tag == nil || scalar.tag == "!" else { return .string(scalar.text) }
        switch scalar.text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let value = Int(scalar.text) { return .int(value) }
        if let value = Double(scalar.text), scalar.text.contains(where: \.isNumber) { return .float(value) }
        return .string(scalar.text)
    }

    /// The objects of a YAML stream, keyed as kustomize keys them.
    static func objects(_ text: String) -> [String: YAMLData] {
        var objects: [String: YAMLData] = [:]
        for document in YAMLParser.parse(text).documents {
            guard let root = document.root, case .map(let map) = YAMLData(root) else { continue }
            var metadata: [String: YAMLData] = [:]
            if case .map(let found)? = map["metadata"] { metadata = found }
            let key = [map["apiVersion"], map["kind"], metadata["namespace"], metadata["name"]].map {
                $0?.description ?? "-"
            }.joined(separator: " ")
            objects[key] = .map(map)
        }
        return objects
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .float(let value): "\(value)"
        case .string(let value): value
        case .map(let map): "{" + map.keys.sorted().map { "\($0): \(map[$0]!)" }.joined(separator: ", ") + "}"
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// The first place two values differ, for test failures.
    static func difference(_ a: YAMLData, _ b: YAMLData, path: String = "") -> String? {
        switch (a, b) {
        case (.map(let x), .map(let y)):
            for key in Set(x.keys).union(y.keys).sorted() {
                guard let left = x[key] else { return "\(path)/\(key): only in the second" }
                guard let right = y[key] else { return "\(path)/\(key): only in the first" }
                if let found = difference(left, right, path: path + "/" + key) { return found }
            }
            return nil
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) items vs \(y.count)" }
            for (index, pair) in zip(x, y).enumerated() {
                if let found = difference(pair.0, pair.1, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return a == b ? nil : "\(path): \(a) vs \(b)"
        }
    }
}
