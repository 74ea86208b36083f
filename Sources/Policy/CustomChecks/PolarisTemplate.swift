import JSONKit
import JSONSchema
import Manifests

/// The part of Go's text/template that Polaris' schemas use (`{{ .metadata.name }}`, `if`/`else`/
/// `end`, `range $key, $value := ...`, variables, `eq ne and or not hasPrefix hasSuffix print
/// index len`, trim markers, comments), evaluated over a YAML object. Anything else is an error
/// that names the action, never output that silently differs from Polaris'.
struct PolarisTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case output(Expression)
        case conditional(branches: [(Expression, [Node])], otherwise: [Node])
        case loop(key: String?, value: String?, over: Expression, body: [Node], otherwise: [Node])
        case variable(String, Expression, declares: Bool)
    }

    indirect enum Expression: Sendable {
        /// `.a.b` from dot, or `$name.a.b` from a variable (`$` alone is the data).
        case field(variable: String?, keys: [String])
        case literal(JSONValue)
        case call(String, [Expression])
        /// `(expression).a.b`
        case group(Expression, keys: [String])
    }

    let nodes: [Node]
    /// Whether the text has any action at all: most schemas do not, and are compiled once.
    let isConstant: Bool

    /// Limits on what rendering may produce (a `range` over a huge list, nested loops).
    static let maximumOutput = 1 << 20
    static let maximumIterations = 10_000

    init(_ text: String) throws(TemplateError) {
        var parser = TemplateParser(text: text)
        nodes = try parser.parseAll()
        isConstant = !nodes.contains { if case .text = $0 { false } else { true } }
    }
}

/// A template that cannot be read or run, with the line in the template.
struct TemplateError: Error, Sendable, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "template line \(line): \(message)" }
}
