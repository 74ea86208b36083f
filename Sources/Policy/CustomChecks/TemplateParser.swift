import JSONSchema

/// Reads Go template text into `PolarisTemplate.Node`s.
struct TemplateParser {
    private let bytes: [UInt8]
    private var offset = 0

    init(text: String) {
        bytes = Array(text.utf8)
    }

    mutating func parseAll() throws(TemplateError) -> [PolarisTemplate.Node] {
        let (nodes, terminator) = try parseList()
        if let terminator {
            throw error(terminator == .end ? "`end` without `if` or `range`" : "`else` without `if` or `range`")
        }
        return nodes
    }

    private enum Terminator { case end, elseBranch }

    /// Nodes up to an `end` or `else` (returned with what it carries) or the end of the text.
    private mutating func parseList() throws(TemplateError) -> ([PolarisTemplate.Node], Terminator?) {
        var nodes: [PolarisTemplate.Node] = []
        while true {
            guard let (text, action) = try nextAction() else { return (nodes, nil) }
            if !text.isEmpty { nodes.append(.text(text)) }
            switch action {
            case .node(.conditional(let branches, _)):
                nodes.append(try parseConditional(first: branches[0].0))
            case .node(.loop(let key, let value, let over, _, _)):
                var (body, terminator) = try parseList()
                var otherwise: [PolarisTemplate.Node] = []
                if terminator == .elseBranch {
                    (otherwise, terminator) = try parseList()
                }
                guard terminator == .end else { throw error("`range` without `end`") }
                nodes.append(.loop(key: key, value: value, over: over, body: body, otherwise: otherwise))
            case .node(let node): nodes.append(node)
            case .elseBranch(let condition):
                lastElseCondition = condition
                return (nodes, .elseBranch)
            case .end: return (nodes, .end)
            case nil: continue
            }
        }
    }

    private var lastElseCondition: PolarisTemplate.Expression?

    private mutating func parseConditional(first: PolarisTemplate.Expression) throws(TemplateError)
        -> PolarisTemplate.Node
    {
        var branches: [(PolarisTemplate.Expression, [PolarisTemplate.Node])] = []
        var condition = first
        while true {
            let (body, terminator) = try parseList()
            branches.append((condition, body))
            switch terminator {
            case .end: return .conditional(branches: branches, otherwise: [])
            case .elseBranch:
                if let next = lastElseCondition {
                    condition = next
                    lastElseCondition = nil
                    continue
                }
                let (otherwise, closing) = try parseList()
                guard closing == .end else { throw error("`if` without `end`") }
                return .conditional(branches: branches, otherwise: otherwise)
            case nil: throw error("`if` without `end`")
            }
        }
    }

    /// The text before the next action and the action (`nil` for a comment); `nil` at the end.
    private mutating func nextAction() throws(TemplateError) -> (String, TemplateAction?)? {
        guard offset < bytes.count else { return nil }
        guard let open = find("{{", from: offset) else {
            let text = String(decoding: bytes[offset...], as: UTF8.self)
            offset = bytes.count
            return (text, nil)
        }
        var textEnd = open
        var start = open + 2
        if start < bytes.count, bytes[start] == UInt8(ascii: "-"), start + 1 < bytes.count,
            bytes[start + 1] == UInt8(ascii: " ") || bytes[start + 1] == UInt8(ascii: "\n")
        {
            while textEnd > offset, Self.isSpace(bytes[textEnd - 1]) { textEnd -= 1 }
            start += 1
        }
        let text = String(decoding: bytes[offset..<textEnd], as: UTF8.self)
        guard let close = find("}}", from: start) else {
            offset = open
            throw error("`{{` without `}}`")
        }
        var actionEnd = close
        var next = close + 2
        if actionEnd > start, bytes[actionEnd - 1] == UInt8(ascii: "-"), actionEnd - 2 >= start,
            Self.isSpace(bytes[actionEnd - 2])
        {
            actionEnd -= 1
            while next < bytes.count, Self.isSpace(bytes[next]) { next += 1 }
        }
        let source = String(decoding: bytes[start..<actionEnd], as: UTF8.self)
        let actionOffset = open
        offset = next
        let trimmed = source.trimmedSpaces
        if trimmed.hasPrefix("/*") { return (text, nil) }
        var lexer = TemplateExpressionReader(source: trimmed, line: line(at: actionOffset))
        return (text, try lexer.action())
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index + 1] == pattern[1] { return index }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\r")
    }

    private func line(at position: Int) -> Int {
        bytes[..<min(position, bytes.count)].count { $0 == UInt8(ascii: "\n") } + 1
    }

    private func error(_ message: String) -> TemplateError {
        TemplateError(line: line(at: offset), message: message)
    }
}

extension String {
    var trimmedSpaces: String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view = view.dropFirst() }
        while view.last?.isWhitespace == true { view = view.dropLast() }
        return String(view)
    }
}
