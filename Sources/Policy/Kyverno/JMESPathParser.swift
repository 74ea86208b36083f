/// A Pratt parser for `JMESPath`, with the binding powers of the JMESPath specification.
struct JMESPathParser {
    let tokens: [JMESPathToken]
    var position = 0
    /// Nesting bound: hostile input cannot exhaust the stack.
    var depth = 0

    init(tokens: [JMESPathToken]) { self.tokens = tokens }

    var peek: JMESPathToken { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> JMESPathToken {
        defer { position += 1 }
        return peek
    }

    private func fail(_ message: String) -> JMESPath.ParseError { JMESPath.ParseError(description: message) }

    private static func bindingPower(_ token: JMESPathToken) -> Int {
        switch token {
        case .pipe: 1
        case .or: 2
        case .and: 3
        case .comparator: 5
        case .flatten: 9
        case .star: 20
        case .filter: 21
        case .dot: 40
        case .not: 45
        case .lbrace: 50
        case .lbracket: 55
        case .lparen: 60
        default: 0
        }
    }

    mutating func expression(_ rightBindingPower: Int) throws(JMESPath.ParseError) -> JMESPath {
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { throw fail("expression nested too deeply") }
        var left = try nud(advance())
        while rightBindingPower < Self.bindingPower(peek) {
            left = try led(advance(), left)
        }
        return left
    }

    private mutating func nud(_ token: JMESPathToken) throws(JMESPath.ParseError) -> JMESPath {
        switch token {
        case .identifier(let name): return .field(name)
        case .at: return .current
        case .rawString(let text): return .literal(KyvernoValue(.string(text)))
        case .literal(let text):
            guard let value = KyvernoValue.parseJSON(text) else { throw fail("`\(text)` is not a JSON literal") }
            return .literal(value)
        case .not: return .not(try expression(45))
        case .lparen:
            let inner = try expression(0)
            guard advance() == .rparen else { throw fail("expected `)`") }
            return inner
        case .flatten:
            return .projection(.flatten(.current), try projectionRight(9))
        case .star:
            return .valuesProjection(.current, try projectionRight(20))
        case .lbracket:
            return try bracket(after: .current)
        default:
            throw fail("\(token) is not supported at the start of an expression")
        }
    }

    private mutating func led(_ token: JMESPathToken, _ left: JMESPath) throws(JMESPath.ParseError) -> JMESPath {
        switch token {
        case .dot:
            if peek == .star {
                _ = advance()
                return .valuesProjection(left, try projectionRight(20))
            }
            return .subexpression(left, try dotRight(40))
        case .flatten: return .projection(.flatten(left), try projectionRight(9))
        case .pipe: return .pipe(left, try expression(1))
        case .or: return .or(left, try expression(2))
        case .and: return .and(left, try expression(3))
        case .lbracket: return try bracket(after: left)
        case .lparen:
            guard case .field(let name) = left else { throw fail("only a function name can be called") }
            guard JMESPath.functions.contains(name) else { throw fail("the function `\(name)` is not supported") }
            var arguments: [JMESPath] = []
            while peek != .rparen {
                arguments.append(try expression(0))
                if peek == .comma {
                    _ = advance()
                } else if peek != .rparen {
                    throw fail("expected `,` or `)` in the call of \(name)")
                }
            }
            _ = advance()
            return .function(name, arguments)
        default:
            throw fail("\(token) is not supported")
        }
    }

    /// After `[`: an index `[0]`, a wildcard projection `[*]`, or a multi-select list `[a, b]`.
    private mutating func bracket(after left: JMESPath) throws(JMESPath.ParseError) -> JMESPath {
        switch peek {
        case .number(let value):
            _ = advance()
            guard advance() == .rbracket else { throw fail("slices are not supported") }
            return .index(left, value)
        case .star:
            _ = advance()
            guard advance() == .rbracket else { throw fail("expected `]` after `[*`") }
            return .projection(left, try projectionRight(20))
        default:
            guard case .current = left else { throw fail("a multi-select list must follow `.`") }
            return try multiSelect()
        }
    }

    private mutating func multiSelect() throws(JMESPath.ParseError) -> JMESPath {
        var items: [JMESPath] = []
        while true {
            items.append(try expression(0))
            let next = advance()
            if next == .rbracket { break }
            guard next == .comma else { throw fail("expected `,` or `]` in a multi-select list") }
        }
        return .multiSelect(items)
    }

    /// What follows a `.`: an identifier (and what binds tighter than `bindingPower` after it), or a multi-select list.
    private mutating func dotRight(_ bindingPower: Int) throws(JMESPath.ParseError) -> JMESPath {
        switch peek {
        case .identifier: return try expression(bindingPower)
        case .lbracket:
            _ = advance()
            return try multiSelect()
        case let token: throw fail("\(token) after `.` is not supported")
        }
    }

    private mutating func projectionRight(_ bindingPower: Int) throws(JMESPath.ParseError) -> JMESPath {
        if Self.bindingPower(peek) < 10 { return .current }
        switch peek {
        case .lbracket, .flatten: return try expression(bindingPower)
        case .dot:
            _ = advance()
            return try dotRight(bindingPower)
        case .filter: throw fail("filter expressions `[?...]` are not supported")
        case let token: throw fail("\(token) after a projection is not supported")
        }
    }
}
