/// Kyverno's `validate.pattern` over one resource value: plain keys must match, anchors change
/// what a mismatch means (a failed condition skips the rule, a present negated key fails it).
/// A failure carries the origin of the value that failed, or of the mapping that lacks it.
struct KyvernoPatternMatcher {
    struct Mismatch: Error {
        enum Kind { case plain, condition, global, negation }
        var kind: Kind
        var origin: KyvernoValue.Origin?
        var message: String

        /// Condition and global anchors that do not hold mean the rule does not apply.
        var isSkip: Bool { kind == .condition || kind == .global }
    }

    /// Patterns deeper than this are refused as hostile rather than recursed into.
    static let maximumDepth = 64

    static func match(_ resource: KyvernoValue, _ pattern: KyvernoValue) -> Mismatch? {
        do {
            try element(resource, pattern, parent: resource.origin, path: "", depth: 0)
            return nil
        } catch {
            return error
        }
    }

    private static func element(
        _ resource: KyvernoValue, _ pattern: KyvernoValue, parent: KyvernoValue.Origin?, path: String, depth: Int
    ) throws(Mismatch) {
        guard depth < maximumDepth else {
            throw Mismatch(kind: .plain, origin: parent, message: "the pattern is nested too deeply at \(path)")
        }
        let origin = resource.origin ?? parent
        switch pattern.kind {
        case .object(let entries):
            guard case .object = resource.kind else {
                throw Mismatch(
                    kind: .plain, origin: origin,
                    message: resource.isNull
                        ? "\(path.isEmpty ? "the object" : path) is missing"
                        : "\(path) is \(resource.typeName), the pattern wants an object")
            }
            try map(resource, entries, origin: origin, path: path, depth: depth)
        case .array(let items):
            guard let values = resource.array else {
                throw Mismatch(
                    kind: .plain, origin: origin,
                    message: resource.isNull
                        ? "\(path) is missing" : "\(path) is \(resource.typeName), the pattern wants a list")
            }
            try array(values, items, origin: origin, path: path, depth: depth)
        default:
            if let values = resource.array {
                for (index, value) in values.enumerated() where !KyvernoScalarPattern.matches(value, pattern: pattern) {
                    throw Mismatch(
                        kind: .plain, origin: value.origin ?? origin,
                        message: "\(path)[\(index)] is \(value.shown), the pattern wants \(pattern.shown)")
                }
            } else if !KyvernoScalarPattern.matches(resource, pattern: pattern) {
                throw Mismatch(
                    kind: .plain, origin: origin,
                    message: resource.isNull
                        ? "\(path) is missing, the pattern wants \(pattern.shown)"
                        : "\(path) is \(resource.shown), the pattern wants \(pattern.shown)")
            }
        }
    }

    private static func map(
        _ resource: KyvernoValue, _ entries: [KyvernoValue.Entry], origin: KyvernoValue.Origin?, path: String,
        depth: Int
    ) throws(Mismatch) {
        let anchored = expandingWildcardKeys(entries, in: resource, path: path).map {
            (anchor: KyvernoAnchor($0.key), pattern: $0.value)
        }
        for entry in anchored where entry.anchor.isFirstPhase {
            try anchor(entry.anchor, entry.pattern, in: resource, origin: origin, path: path, depth: depth)
        }
        // Global anchors and keys with anchors beneath them first, the rest in key order, as Kyverno sorts them.
        let rest = anchored.filter { !$0.anchor.isFirstPhase }.sorted { $0.anchor.key < $1.anchor.key }
        let ordered =
            rest.filter { $0.anchor.kind == .global || $0.pattern.hasAnchors }.reversed()
            + rest.filter { $0.anchor.kind != .global && !$0.pattern.hasAnchors }
        for entry in ordered {
            if entry.anchor.kind == .global {
                try anchor(entry.anchor, entry.pattern, in: resource, origin: origin, path: path, depth: depth)
                continue
            }
            let key = entry.anchor.key
            let childPath = path + "." + key
            let value = resource[key]
            if case .string("*") = entry.pattern.kind {
                guard let value, !value.isNull else {
                    throw Mismatch(kind: .plain, origin: origin, message: "\(childPath) is missing")
                }
                continue
            }
            try element(value ?? .null, entry.pattern, parent: origin, path: childPath, depth: depth + 1)
        }
    }

    /// Kyverno expands wildcard keys of `metadata.labels` and `metadata.annotations` into the
    /// resource's keys they match (a wildcard key that matches none stays as written).
    private static func expandingWildcardKeys(_ entries: [KyvernoValue.Entry], in resource: KyvernoValue, path: String)
        -> [KyvernoValue.Entry]
    {
        guard path.hasSuffix("metadata.labels") || path.hasSuffix("metadata.annotations"),
            entries.contains(where: { KyvernoAnchor($0.key).key.contains(where: { $0 == "*" || $0 == "?" }) })
        else { return entries }
        let keys = (resource.entries ?? []).map(\.key)
        return entries.flatMap { entry -> [KyvernoValue.Entry] in
            let anchor = KyvernoAnchor(entry.key)
            let matched = keys.filter { KyvernoWildcard.match(anchor.key, $0) }
            guard anchor.key.contains(where: { $0 == "*" || $0 == "?" }), !matched.isEmpty else { return [entry] }
            return matched.map {
                KyvernoValue.Entry(key: KyvernoAnchor(kind: anchor.kind, key: $0).written, value: entry.value)
            }
        }
    }

    private static func anchor(
        _ anchor: KyvernoAnchor, _ pattern: KyvernoValue, in resource: KyvernoValue, origin: KyvernoValue.Origin?,
        path: String, depth: Int
    ) throws(Mismatch) {
        let childPath = path + "." + anchor.key
        guard let value = resource[anchor.key] else {
            if anchor.kind == .condition {
                throw Mismatch(kind: .condition, origin: origin, message: "\(childPath) is not set")
            }
            return
        }
        switch anchor.kind {
        case .negation:
            throw Mismatch(kind: .negation, origin: value.origin ?? origin, message: "\(childPath) is not allowed")
        case .condition, .global:
            do {
                try element(value, pattern, parent: origin, path: childPath, depth: depth + 1)
            } catch {
                throw Mismatch(
                    kind: anchor.kind == .condition ? .condition : .global, origin: error.origin, message: error.message
                )
            }
        case .equality:
            try element(value, pattern, parent: origin, path: childPath, depth: depth + 1)
        case .existence:
            guard let values = value.array, let patterns = pattern.array else {
                throw Mismatch(
                    kind: .plain, origin: value.origin ?? origin,
                    message: "\(childPath): an existence anchor needs a list in the pattern and the resource")
            }
            for item in patterns {
                guard case .object = item.kind else {
                    throw Mismatch(
                        kind: .plain, origin: value.origin ?? origin,
                        message: "\(childPath): an existence anchor's items must be objects")
                }
                let found = values.contains { candidate in
                    (try? element(candidate, item, parent: value.origin ?? origin, path: childPath, depth: depth + 1))
                        != nil
                }
                if !found {
                    throw Mismatch(
                        kind: .plain, origin: value.origin ?? origin,
                        message: "no item of \(childPath) matches the pattern")
                }
            }
        case .none, .addIfNotPresent:
            break
        }
    }

    private static func array(
        _ values: [KyvernoValue], _ patterns: [KyvernoValue], origin: KyvernoValue.Origin?, path: String, depth: Int
    ) throws(Mismatch) {
        guard let first = patterns.first else {
            throw Mismatch(kind: .plain, origin: origin, message: "\(path): the pattern's list is empty")
        }
        switch first.kind {
        case .object:
            var applied = 0
            var skips: [Mismatch] = []
            for (index, value) in values.enumerated() {
                do {
                    try element(value, first, parent: origin, path: "\(path)[\(index)]", depth: depth + 1)
                    applied += 1
                } catch  where error.isSkip {
                    skips.append(error)
                }
            }
            if applied == 0, let skip = skips.first { throw skip }
        case .array:
            guard values.count >= patterns.count else {
                throw Mismatch(
                    kind: .plain, origin: origin,
                    message: "\(path) has \(values.count) items, the pattern \(patterns.count)")
            }
            var applied = 0
            var skips: [Mismatch] = []
            for (index, pattern) in patterns.enumerated() {
                do {
                    try element(values[index], pattern, parent: origin, path: "\(path)[\(index)]", depth: depth + 1)
                    applied += 1
                } catch  where error.isSkip {
                    skips.append(error)
                }
            }
            if applied == 0, let skip = skips.first { throw skip }
        default:
            try element(
                KyvernoValue(.array(values), origin: origin), first, parent: origin, path: path, depth: depth + 1)
        }
    }
}

extension KyvernoValue {
    /// A short rendering for messages.
    var shown: String {
        switch kind {
        case .string(let text): "\"\(text)\""
        case .null: "null"
        default: json.count > 60 ? String(json.prefix(57)) + "..." : json
        }
    }
}
