import JSONKit
import JSONSchema

/// What one `{{ ... }}` says.
enum TemplateAction {
    case node(PolarisTemplate.Node)
    /// `else`, or `else if condition`.
    case elseBranch(PolarisTemplate.Expression?)
    case end
}

/// Reads the inside of one action: a keyword (`if`, `range`, `else`, `end`), a variable
/// declaration or assignment, or an expression.
struct TemplateExpressionReader {
    private let characters: [Character]
    private var index = 0
    private let line: Int

    init(source: String, line: Int) {
        characters = Array(source)
        self.line = line
    }

    mutating func action() throws(TemplateError) -> TemplateAction {
        if accept(word: "end") {
            try finish()
            return .end
        }
        if accept(word: "else") {
            if accept(word: "if") { return .elseBranch(try expressionToEnd()) }
            try finish()
            return .elseBranch(nil)
        }
        if accept(word: "if") { return .node(.conditional(branches: [(try expressionToEnd(), [])], otherwise: [])) }
        if accept(word: "range") {
            skipSpaces()
            let mark = index
            if let first = variableName() {
                skipSpaces()
                var second: String?
                if peek() == "," {
                    index += 1
                    skipSpaces()
                    second = variableName()
                    skipSpaces()
                }
                if accept(symbol: ":=") {
                    let over = try expressionToEnd()
                    return .node(
                        .loop(
                            key: second == nil ? nil : first, value: second ?? first, over: over, body: [],
                            otherwise: []))
                }
                index = mark
            }
            return .node(.loop(key: nil, value: nil, over: try expressionToEnd(), body: [], otherwise: []))
        }
        for keyword in ["with", "define", "template", "block", "break", "continue"] where accept(word: keyword) {
            throw error("`\(keyword)` is not supported in Polaris schema templates by Shipshape")
        }
        let mark = index
        if let name = variableName() {
            skipSpaces()
            if accept(symbol: ":=") { return .node(.variable(name, try expressionToEnd(), declares: true)) }
            if accept(symbol: "=") { return .node(.variable(name, try expressionToEnd(), declares: false)) }
            index = mark
        }
        return .node(.output(try expressionToEnd()))
    }

    private mutating func expressionToEnd() throws(TemplateError) -> PolarisTemplate.Expression {
        let expression = try command()
        try finish()
        return expression
    }

    /// A function call with its arguments, or a single operand.
    private mutating func command() throws(TemplateError) -> PolarisTemplate.Expression {
        skipSpaces()
        if let name = identifier() {
            var arguments: [PolarisTemplate.Expression] = []
            while true {
                skipSpaces()
                guard let next = peek(), next != ")", next != "|" else { break }
                arguments.append(try operand())
            }
            if peek() == "|" {
                throw error("pipelines (`|`) are not supported in Polaris schema templates by Shipshape")
            }
            return .call(name, arguments)
        }
        let single = try operand()
        skipSpaces()
        if peek() == "|" { throw error("pipelines (`|`) are not supported in Polaris schema templates by Shipshape") }
        if let next = peek(), next != ")" { throw error("unexpected `\(next)`: only a function may take arguments") }
        return single
    }

    private mutating func operand() throws(TemplateError) -> PolarisTemplate.Expression {
        skipSpaces()
        guard let first = peek() else { throw error("an expression is missing") }
        switch first {
        case ".":
            return .field(variable: nil, keys: fieldChain())
        case "$":
            index += 1
            let name = "$" + word()
            return .field(variable: name, keys: fieldChain())
        case "\"", "`":
            return .literal(.string(try stringLiteral()))
        case "(":
            index += 1
            let inner = try command()
            skipSpaces()
            guard peek() == ")" else { throw error("`(` without `)`") }
            index += 1
            return .group(inner, keys: fieldChain())
        default:
            let text = word()
            switch text {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "nil": return .literal(.null)
            default:
                if let number = Double(text) { return .literal(.number(number)) }
                if text.isEmpty { throw error("unexpected `\(first)`") }
                return .call(text, [])
            }
        }
    }

    /// `.a.b.c` (a lone `.` is dot itself: no keys).
    private mutating func fieldChain() -> [String] {
        var keys: [String] = []
        while peek() == "." {
            index += 1
            let key = word()
            if key.isEmpty { break }
            keys.append(key)
        }
        return keys
    }

    private mutating func stringLiteral() throws(TemplateError) -> String {
        let quote = characters[index]
        index += 1
        var text = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == quote { return text }
            if quote == "\"", character == "\\", index < characters.count {
                let escaped = characters[index]
                index += 1
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                default: text.append(escaped)
                }
            } else {
                text.append(character)
            }
        }
        throw error("a string without its closing quote")
    }

    private mutating func variableName() -> String? {
        guard peek() == "$" else { return nil }
        index += 1
        return "$" + word()
    }

    private mutating func identifier() -> String? {
        guard let first = peek(), first.isLetter else { return nil }
        let mark = index
        let name = word()
        if ["true", "false", "nil"].contains(name) {
            index = mark
            return nil
        }
        return name
    }

    private mutating func word() -> String {
        let start = index
        while index < characters.count,
            characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                || (characters[index] == "-" && index == start)
                || (characters[index] == "." && index > start && characters[start].isNumber)
        {
            index += 1
        }
        return String(characters[start..<index])
    }

    private mutating func accept(word expected: String) -> Bool {
        skipSpaces()
        let mark = index
        guard word() == expected else {
            index = mark
            return false
        }
        return true
    }

    private mutating func accept(symbol: String) -> Bool {
        skipSpaces()
        let symbolCharacters = Array(symbol)
        guard index + symbolCharacters.count <= characters.count,
            Array(characters[index..<index + symbolCharacters.count]) == symbolCharacters
        else { return false }
        // `=` must not be the start of `==` (which Go templates do not have anyway).
        index += symbolCharacters.count
        return true
    }

    private mutating func finish() throws(TemplateError) {
        skipSpaces()
        if index < characters.count { throw error("unexpected `\(String(characters[index...]))`") }
    }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    private func peek() -> Character? {
        index < characters.count ? characters[index] : nil
    }

    private func error(_ message: String) -> TemplateError {
        TemplateError(line: line, message: "in `{{ \(String(characters)) }}`: \(message)")
    }
}
