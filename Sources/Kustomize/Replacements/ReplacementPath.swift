import Foundation
import Policy

/// A field path of `replacements` (`spec.template.spec.containers.[name=app].image`), read and
/// walked as kustomize v5.5 does: split at dots but not inside `[...]` nor after `\`; a part is
/// a field, a list index (`0`), a list item chosen by a field (`[name=app]`) or by its value
/// (`[=-jar]`), or `*` (every item, targets only).
struct ReplacementPath: CustomStringConvertible {
    var parts: [String]
    var text: String

    init(_ text: String) {
        self.text = text
        self.parts = Self.split(text)
    }

    /// A var's `fieldref.fieldpath`, where `containers[0]` means `containers.0`.
    init(sliceIndexes text: String) {
        self.init(text)
        parts = parts.flatMap { part -> [String] in
            guard part.hasSuffix("]"), let open = part.lastIndex(of: "["),
                let index = Int(part[part.index(after: open)..<part.index(before: part.endIndex)]), index >= 0
            else { return [part] }
            let field = String(part[..<open])
            return field.isEmpty ? [String(index)] : [field, String(index)]
        }
    }

    var description: String { text }

    static func split(_ path: String) -> [String] {
        // Dots escaped with `\` stay in the part.
        var pieces: [String] = []
        for piece in path.components(separatedBy: ".") {
            if let last = pieces.last, last.hasSuffix("\\") {
                pieces[pieces.count - 1] = String(last.dropLast()) + "." + piece
            } else {
                pieces.append(piece)
            }
        }
        if pieces.count > 1, pieces[0].isEmpty { pieces.removeFirst() }
        // A `[...]` holding dots was split: join it again.
        var parts: [String] = []
        var index = 0
        while index < pieces.count {
            var piece = pieces[index]
            if piece.hasPrefix("["), !piece.hasSuffix("]") {
                while index + 1 < pieces.count {
                    index += 1
                    piece += "." + pieces[index]
                    if pieces[index].hasSuffix("]") { break }
                }
                if !piece.contains("=") { piece = piece.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
            }
            parts.append(piece)
            index += 1
        }
        return parts
    }

    static func isListIndex(_ part: String) -> Bool { part.hasPrefix("[") && part.hasSuffix("]") }

    static func index(_ part: String) -> Int? {
        guard let value = Int(part), value >= 0 else { return nil }
        return value
    }

    /// `[name=app]` → ("name", "app"); `[=-jar]` → ("", "-jar").
    static func splitListIndex(_ part: String, at origin: SourceLocation?) throws -> (field: String, value: String) {
        let inner = part.dropFirst().dropLast()
        guard let equals = inner.firstIndex(of: "=") else {
            throw KustomizeError("field path part \(part) is not [field=value]", at: origin)
        }
        return (String(inner[..<equals]), String(inner[inner.index(after: equals)...]))
    }

    // MARK: Source: one value, items chosen by exact value

    /// The value at the path (kustomize's `Lookup`), nil when some part is missing.
    func lookup(in node: Node) -> Node? {
        var current = node
        for part in parts {
            if let index = Self.index(part) {
                guard let items = current.items, index < items.count else { return nil }
                current = items[index]
            } else if part == "-" {
                guard let last = current.items?.last else { return nil }
                current = last
            } else if Self.isListIndex(part) {
                guard let items = current.items, let (field, value) = try? Self.splitListIndex(part, at: nil) else {
                    return nil
                }
                let found = items.first { item in
                    field.isEmpty ? item.scalar?.text == value : item[field]?.scalar?.text == value
                }
                guard let found else { return nil }
                current = found
            } else {
                guard let child = current[part] else { return nil }
                current = child
            }
        }
        return current
    }

    // MARK: Targets: every match, items chosen by regular expression, created when asked

    /// What a missing part is created as: the kind of the value being copied for the last
    /// part, a list before a list part, a mapping otherwise.
    enum Shape { case scalar, mapping, sequence }

    /// Calls `body` on every field the path reaches (kustomize's `PathMatcher`); creates what
    /// is missing when `create` is given (the shape of the value). Returns how many it reached.
    func visit(_ node: inout Node, create: Shape?, origin: SourceLocation?, _ body: (inout Node) throws -> Void) throws
        -> Int
    {
        try Self.visit(&node, parts: parts[...], create: create, origin: origin, body)
    }

    private static func visit(
        _ node: inout Node, parts: ArraySlice<String>, create: Shape?, origin: SourceLocation?,
        _ body: (inout Node) throws -> Void
    ) throws -> Int {
        guard let part = parts.first else {
            try body(&node)
            return 1
        }
        let rest = parts.dropFirst()
        if let index = index(part) {
            guard var items = node.items else { return 0 }
            if index == items.count, let create { items.append(empty(shape(after: rest, create), origin: origin)) }
            guard index < items.count else {
                throw KustomizeError("index \(index) specified but only \(items.count) elements found", at: origin)
            }
            let count = try visit(&items[index], parts: rest, create: create, origin: origin, body)
            node.value = .sequence(items)
            return count
        }
        if isListIndex(part) {
            guard var items = node.items else { return 0 }
            let (field, pattern) = try splitListIndex(part, at: origin)
            let regex = try PatternMatcher(pattern, at: origin)
            func visitMatches(_ items: inout [Node]) throws -> Int {
                var count = 0
                for index in items.indices {
                    let text = field.isEmpty ? items[index].scalar?.text : items[index][field]?.scalar?.text
                    guard let text, regex.contains(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                        continue
                    }
                    count += try visit(
                        &items[index], parts: field.isEmpty ? [] : rest, create: create, origin: origin, body)
                }
                return count
            }
            var count = try visitMatches(&items)
            if count == 0, create != nil {
                // The item is created with the pattern's text as its value, as kustomize does.
                let value = Node(.scalar(Scalar(text: pattern, kind: .plain)), origin: origin)
                items.append(field.isEmpty ? value : Node(.mapping([Entry(key: field, node: value)]), origin: origin))
                count = try visitMatches(&items)
            }
            node.value = .sequence(items)
            return count
        }
        if part == "*" {
            guard var items = node.items else { return 0 }
            var count = 0
            for index in items.indices {
                count += try visit(&items[index], parts: rest, create: create, origin: origin, body)
            }
            node.value = .sequence(items)
            return count
        }
        guard node.entries != nil else { return 0 }
        var child = node[part]
        if child == nil {
            guard let create else { return 0 }
            child = empty(shape(after: rest, create), origin: origin)
        }
        var existing = child!
        let count = try visit(&existing, parts: rest, create: create, origin: origin, body)
        node[part] = existing
        return count
    }

    private static func shape(after rest: ArraySlice<String>, _ create: Shape) -> Shape {
        guard let next = rest.first else { return create }
        return isListIndex(next) || index(next) != nil ? .sequence : .mapping
    }

    private static func empty(_ shape: Shape, origin: SourceLocation?) -> Node {
        switch shape {
        case .scalar: Node(.scalar(Scalar(text: "", kind: .plain)), origin: origin)
        case .mapping: .emptyMapping(origin: origin)
        case .sequence: Node(.sequence([]), origin: origin)
        }
    }
}

/// A Go regular expression of a `[field=value]` part, matched anywhere in the text as Go's
/// `MatchString` does (so `[name=app]` also picks `app-sidecar`, as kustomize does).
struct PatternMatcher {
    private let literal: String?
    private let regex: Regex<AnyRegexOutput>?

    init(_ pattern: String, at origin: SourceLocation?) throws {
        if pattern.allSatisfy({ !"\\.+*?()|[]{}^$".contains($0) }) {
            literal = pattern
            regex = nil
            return
        }
        // Swift's regexes backtrack where Go's RE2 does not: refuse what could take exponential time.
        guard pattern.count <= 256, !TargetSelector.repeatsAGroup(pattern) else {
            throw KustomizeError(
                "field path value \(pattern) repeats a group or is longer than 256 characters, which Shipshape does not match",
                at: origin)
        }
        literal = nil
        do { regex = try Regex(pattern) } catch {
            throw KustomizeError("field path value \(pattern) is not a valid regular expression", at: origin)
        }
    }

    func contains(_ text: String) -> Bool {
        if let literal { return literal.isEmpty || text.contains(literal) }
        guard let regex else { return false }
        return (try? regex.firstMatch(in: text)) != nil
    }
}
