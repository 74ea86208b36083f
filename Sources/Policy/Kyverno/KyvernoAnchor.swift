/// A key of a Kyverno pattern, with its anchor: `(key)` condition, `<(key)` global,
/// `^(key)` existence, `=(key)` equality, `X(key)` negation, `+(key)` add-if-not-present.
struct KyvernoAnchor: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case none, condition, global, existence, equality, negation, addIfNotPresent }

    var kind: Kind
    var key: String

    init(_ written: String) {
        guard written.hasSuffix(")"), let open = written.firstIndex(of: "(") else {
            self.init(kind: .none, key: written)
            return
        }
        let prefix = written[..<open]
        let key = String(written[written.index(after: open)..<written.index(before: written.endIndex)])
        switch prefix {
        case "": self.init(kind: .condition, key: key)
        case "<": self.init(kind: .global, key: key)
        case "^": self.init(kind: .existence, key: key)
        case "=": self.init(kind: .equality, key: key)
        case "X": self.init(kind: .negation, key: key)
        case "+": self.init(kind: .addIfNotPresent, key: key)
        default: self.init(kind: .none, key: written)
        }
        if key.isEmpty { self.init(kind: .none, key: written) }
    }

    init(kind: Kind, key: String) {
        self.kind = kind
        self.key = key
    }

    /// The key as a pattern writes it.
    var written: String {
        switch kind {
        case .none: key
        case .condition: "(\(key))"
        case .global: "<(\(key))"
        case .existence: "^(\(key))"
        case .equality: "=(\(key))"
        case .negation: "X(\(key))"
        case .addIfNotPresent: "+(\(key))"
        }
    }

    /// Evaluated in Kyverno's first phase, before the plain keys of the same mapping.
    var isFirstPhase: Bool { [.condition, .existence, .equality, .negation].contains(kind) }
}

extension KyvernoValue {
    /// Whether the pattern holds an anchor anywhere (Kyverno checks those keys first).
    var hasAnchors: Bool {
        switch kind {
        case .object(let entries): entries.contains { KyvernoAnchor($0.key).kind != .none || $0.value.hasAnchors }
        case .array(let items): items.contains(where: \.hasAnchors)
        default: false
        }
    }
}
