/// The part of JMESPath Kyverno's library policies use, parsed once and evaluated over
/// `KyvernoValue`s: fields, `.`, `[]` flatten projections, `[n]` indexes, `[*]` and `*`
/// projections, multi-select lists `[a, b]`, `||`, `&&`, `|` pipes, `@`, literals (`` `[]` ``,
/// `'raw'`), and the functions in `JMESPath.functions`. Anything else is a parse error that names
/// it, so a rule that needs it is reported as unsupported rather than guessed at.
indirect enum JMESPath: Sendable {
    case current
    case field(String)
    case literal(KyvernoValue)
    case subexpression(JMESPath, JMESPath)
    case index(JMESPath, Int)
    case flatten(JMESPath)
    case projection(JMESPath, JMESPath)
    case valuesProjection(JMESPath, JMESPath)
    case multiSelect([JMESPath])
    case or(JMESPath, JMESPath)
    case and(JMESPath, JMESPath)
    case not(JMESPath)
    case pipe(JMESPath, JMESPath)
    case function(String, [JMESPath])

    static let functions: Set<String> = [
        "to_upper", "to_lower", "keys", "values", "length", "contains", "starts_with",
        "ends_with", "to_string", "join", "not_null", "type",
    ]

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws(ParseError) -> JMESPath {
        var parser = JMESPathParser(tokens: try JMESPathLexer.tokens(of: text))
        let expression = try parser.expression(0)
        guard parser.peek == .end else { throw ParseError(description: "unexpected \(parser.peek) in `\(text)`") }
        return expression
    }

    /// The first identifier the expression reads from its input (`request` in `request.object`).
    var root: String? {
        switch self {
        case .field(let name): name
        case .subexpression(let left, _), .index(let left, _), .projection(let left, _), .valuesProjection(let left, _),
            .pipe(let left, _):
            left.root
        case .flatten(let inner): inner.root
        default: nil
        }
    }

    /// Every root identifier the expression reads (both sides of `||`, every list item...).
    var roots: [String] {
        switch self {
        case .current, .literal: []
        case .field(let name): [name]
        case .subexpression(let left, _), .index(let left, _), .projection(let left, _), .valuesProjection(let left, _),
            .pipe(let left, _):
            left.roots
        case .flatten(let inner), .not(let inner): inner.roots
        case .multiSelect(let items): items.flatMap(\.roots)
        case .or(let a, let b), .and(let a, let b): a.roots + b.roots
        case .function(_, let arguments): arguments.flatMap(\.roots)
        }
    }

    struct EvaluationError: Error, CustomStringConvertible {
        var description: String
    }

    func evaluate(_ input: KyvernoValue) throws(EvaluationError) -> KyvernoValue {
        switch self {
        case .current: return input
        case .literal(let value): return value
        case .field(let name): return input[name] ?? .null
        case .subexpression(let left, let right):
            return try right.evaluate(try left.evaluate(input))
        case .index(let left, let position):
            guard let items = try left.evaluate(input).array else { return .null }
            let index = position < 0 ? items.count + position : position
            return items.indices.contains(index) ? items[index] : .null
        case .flatten(let inner):
            let base = try inner.evaluate(input)
            guard let items = base.array else { return .null }
            return KyvernoValue(.array(items.flatMap { $0.array ?? [$0] }), origin: base.origin)
        case .projection(let left, let right):
            let base = try left.evaluate(input)
            guard let items = base.array else { return .null }
            return KyvernoValue(.array(try project(items, right)), origin: base.origin)
        case .valuesProjection(let left, let right):
            let base = try left.evaluate(input)
            guard let entries = base.entries else { return .null }
            return KyvernoValue(.array(try project(entries.map(\.value), right)), origin: base.origin)
        case .multiSelect(let items):
            if input.isNull { return .null }
            var values: [KyvernoValue] = []
            for item in items { values.append(try item.evaluate(input)) }
            return KyvernoValue(.array(values))
        case .or(let left, let right):
            let value = try left.evaluate(input)
            return value.isFalsy ? try right.evaluate(input) : value
        case .and(let left, let right):
            let value = try left.evaluate(input)
            return value.isFalsy ? value : try right.evaluate(input)
        case .not(let inner):
            return KyvernoValue(.bool(try inner.evaluate(input).isFalsy))
        case .pipe(let left, let right):
            return try right.evaluate(try left.evaluate(input))
        case .function(let name, let arguments):
            var values: [KyvernoValue] = []
            for argument in arguments { values.append(try argument.evaluate(input)) }
            return try JMESPathFunctions.call(name, values)
        }
    }

    private func project(_ items: [KyvernoValue], _ right: JMESPath) throws(EvaluationError) -> [KyvernoValue] {
        var results: [KyvernoValue] = []
        for item in items {
            let value = try right.evaluate(item)
            if !value.isNull { results.append(value) }
        }
        return results
    }
}
