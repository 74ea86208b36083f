/// Tokens of a JMESPath expression.
enum JMESPathToken: Equatable, CustomStringConvertible {
    case identifier(String)
    case number(Int)
    case literal(String)
    case rawString(String)
    case dot, star, flatten, lbracket, rbracket, lparen, rparen, comma, pipe, or, and, not, at, filter, lbrace
    case comparator(String)
    case end

    var description: String {
        switch self {
        case .identifier(let name): "`\(name)`"
        case .number(let value): "`\(value)`"
        case .literal(let text): "`\(text)`"
        case .rawString(let text): "'\(text)'"
        case .comparator(let text): "`\(text)`"
        case .filter: "a filter `[?`"
        case .lbrace: "a multi-select hash `{`"
        case .end: "the end"
        default: "a `\(self)` token"
        }
    }
}

enum JMESPathLexer {
    /// Expressions longer than this are not policy expressions; refusing them bounds the work.
    static let maximumLength = 4096

    static func tokens(of text: String) throws(JMESPath.ParseError) -> [JMESPathToken] {
        guard text.utf8.count <= maximumLength else {
            throw JMESPath.ParseError(description: "expression longer than \(maximumLength) bytes")
        }
        let characters = Array(text)
        var tokens: [JMESPathToken] = []
        var index = 0
        func peek(_ offset: Int = 1) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case " ", "\t", "\n", "\r": index += 1
            case ".":
                tokens.append(.dot)
                index += 1
            case "*":
                tokens.append(.star)
                index += 1
            case ",":
                tokens.append(.comma)
                index += 1
            case "(":
                tokens.append(.lparen)
                index += 1
            case ")":
                tokens.append(.rparen)
                index += 1
            case "]":
                tokens.append(.rbracket)
                index += 1
            case "@":
                tokens.append(.at)
                index += 1
            case "{":
                tokens.append(.lbrace)
                index += 1
            case "[":
                if peek() == "]" {
                    tokens.append(.flatten)
                    index += 2
                } else if peek() == "?" {
                    tokens.append(.filter)
                    index += 2
                } else {
                    tokens.append(.lbracket)
                    index += 1
                }
            case "|":
                if peek() == "|" {
                    tokens.append(.or)
                    index += 2
                } else {
                    tokens.append(.pipe)
                    index += 1
                }
            case "&":
                guard peek() == "&" else {
                    throw JMESPath.ParseError(description: "expression references `&` are not supported")
                }
                tokens.append(.and)
                index += 2
            case "!":
                if peek() == "=" {
                    tokens.append(.comparator("!="))
                    index += 2
                } else {
                    tokens.append(.not)
                    index += 1
                }
            case "<", ">", "=":
                if peek() == "=" {
                    tokens.append(.comparator(String(character) + "="))
                    index += 2
                } else if character == "=" {
                    throw JMESPath.ParseError(description: "a single `=` is not JMESPath")
                } else {
                    tokens.append(.comparator(String(character)))
                    index += 1
                }
            case "`", "'", "\"":
                var text = ""
                var closed = false
                index += 1
                while index < characters.count {
                    if characters[index] == "\\", index + 1 < characters.count, characters[index + 1] == character {
                        text.append(character)
                        index += 2
                        continue
                    }
                    if characters[index] == character {
                        closed = true
                        index += 1
                        break
                    }
                    text.append(characters[index])
                    index += 1
                }
                guard closed else {
                    throw JMESPath.ParseError(description: "unterminated \(character) in the expression")
                }
                switch character {
                case "`": tokens.append(.literal(text))
                case "'": tokens.append(.rawString(text))
                default: tokens.append(.identifier(text))
                }
            case "-", "0"..."9":
                var digits = String(character)
                index += 1
                while index < characters.count, characters[index].isNumber {
                    digits.append(characters[index])
                    index += 1
                }
                guard let number = Int(digits) else {
                    throw JMESPath.ParseError(description: "`\(digits)` is not a number")
                }
                tokens.append(.number(number))
            default:
                guard character.isLetter || character == "_" else {
                    throw JMESPath.ParseError(description: "unexpected character `\(character)`")
                }
                var name = ""
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                {
                    name.append(characters[index])
                    index += 1
                }
                tokens.append(.identifier(name))
            }
        }
        tokens.append(.end)
        return tokens
    }
}
