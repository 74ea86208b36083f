import Foundation
import Policy

/// A patch's `target:`: group, version, kind, name and namespace as anchored regular
/// expressions, label and annotation selectors; an object matches on its current or its
/// original name and namespace, as in kustomize.
struct TargetSelector: CustomStringConvertible {
    var group: String?
    var version: String?
    var kind: String?
    var name: String?
    var namespace: String?
    var labelSelector: String?
    var annotationSelector: String?
    var origin: SourceLocation?

    init(_ node: Node, exact: Bool = false) throws {
        guard node.entries != nil else {
            throw KustomizeError(
                "target: is a mapping (group, version, kind, name, namespace, labelSelector)", at: node.origin)
        }
        group = node["group"]?.string
        version = node["version"]?.string
        kind = node["kind"]?.string
        name = node["name"]?.string
        namespace = node["namespace"]?.string
        labelSelector = node["labelSelector"]?.string
        annotationSelector = node["annotationSelector"]?.string
        origin = node.origin
        for pattern in [group, version, kind, name, namespace].compactMap({ $0 }) {
            // Go's RE2 matches in linear time; Swift's regexes backtrack, so a repeated group
            // (`(a+)+`) on a long name could take exponential time.
            guard pattern.count <= 256, !Self.repeatsAGroup(pattern) else {
                throw KustomizeError(
                    "target: \(pattern) repeats a group or is longer than 256 characters, which Shipshape does not match (it could take exponential time)",
                    at: origin)
            }
            do { compiled[pattern] = try Regex("^(?:" + pattern + ")$") } catch {
                throw KustomizeError("target: \(pattern) is not a valid regular expression", at: origin)
            }
        }
    }

    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    static func repeatsAGroup(_ pattern: String) -> Bool {
        let characters = Array(pattern)
        for index in characters.indices.dropLast()
        where characters[index] == ")" && index > 0 && characters[index - 1] != "\\" {
            if "*+{".contains(characters[index + 1]) { return true }
        }
        return false
    }

    var description: String {
        [
            ("group", group), ("version", version), ("kind", kind), ("name", name), ("namespace", namespace),
            ("labelSelector", labelSelector), ("annotationSelector", annotationSelector),
        ]
        .compactMap { key, value in value.map { "\(key): \($0)" } }.joined(separator: ", ")
    }

    func select(in resources: [Resource]) throws -> [Int] {
        try resources.indices.filter { try matches(resources[$0]) }
    }

    private func matches(_ resource: Resource) throws -> Bool {
        let current = resource.id
        let original = resource.originalID
        if let namespace,
            !(match(namespace, original.effectiveNamespace) || match(namespace, current.effectiveNamespace))
        {
            return false
        }
        if let name, !(match(name, original.name) || match(name, current.name)) { return false }
        if let group, !match(group, current.group) { return false }
        if let version, !match(version, current.version) { return false }
        if let kind, !match(kind, current.kind) { return false }
        if let labelSelector,
            !(try LabelSelector.matches(
                labelSelector, resource.node[path: "metadata", "labels"]?.stringMap ?? [:], at: origin))
        {
            return false
        }
        if let annotationSelector,
            !(try LabelSelector.matches(
                annotationSelector, resource.node[path: "metadata", "annotations"]?.stringMap ?? [:], at: origin))
        {
            return false
        }
        return true
    }

    private func match(_ pattern: String, _ value: String) -> Bool {
        if pattern.isEmpty { return true }
        guard let regex = compiled[pattern] else { return pattern == value }
        return (try? regex.wholeMatch(in: value)) != nil
    }
}

/// Kubernetes label selectors: `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x)`.
enum LabelSelector {
    static func matches(_ selector: String, _ labels: [String: String], at origin: SourceLocation?) throws -> Bool {
        for requirement in split(selector) {
            let text = requirement.trimmingWhitespace
            if text.isEmpty { continue }
            if let range = text.range(of: " notin ") ?? text.range(of: " in ") {
                let key = String(text[..<range.lowerBound]).trimmingWhitespace
                let isIn = text[range].contains(" in ") && !text[range].contains("notin")
                let values = text[range.upperBound...].trimmingWhitespace
                guard values.hasPrefix("("), values.hasSuffix(")") else {
                    throw KustomizeError("label selector \(selector): a set is written (a,b)", at: origin)
                }
                let set = Set(values.dropFirst().dropLast().split(separator: ",").map { String($0).trimmingWhitespace })
                let value = labels[key]
                if isIn {
                    if value == nil || !set.contains(value!) { return false }
                } else if let value, set.contains(value) {
                    return false
                }
            } else if let range = text.range(of: "!=") {
                if labels[String(text[..<range.lowerBound]).trimmingWhitespace]
                    == String(text[range.upperBound...]).trimmingWhitespace
                {
                    return false
                }
            } else if let range = text.range(of: "==") ?? text.range(of: "=") {
                if labels[String(text[..<range.lowerBound]).trimmingWhitespace]
                    != String(text[range.upperBound...]).trimmingWhitespace
                {
                    return false
                }
            } else if text.hasPrefix("!") {
                if labels[String(text.dropFirst()).trimmingWhitespace] != nil { return false }
            } else if labels[text] == nil {
                return false
            }
        }
        return true
    }

    /// Splits at commas outside parentheses.
    private static func split(_ selector: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in selector {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
