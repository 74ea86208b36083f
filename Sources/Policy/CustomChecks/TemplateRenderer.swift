import JSONKit
import JSONSchema
import Manifests

extension PolarisTemplate {
    /// Runs the template with `data` as dot (and `$`). Values follow Go's rules: a missing key is
    /// `<no value>` when printed and false when tested.
    func render(_ data: SchemaInstance) throws(TemplateError) -> String {
        var renderer = TemplateRenderer(root: data)
        try renderer.run(nodes, dot: data)
        return renderer.output
    }
}

private struct TemplateRenderer {
    let root: SchemaInstance
    var output = ""
    var scopes: [[String: SchemaInstance?]] = [[:]]
    var iterations = 0

    init(root: SchemaInstance) {
        self.root = root
    }

    mutating func run(_ nodes: [PolarisTemplate.Node], dot: SchemaInstance?) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                try write(text)
            case .output(let expression):
                try write(Self.printed(try evaluate(expression, dot: dot)))
            case .variable(let name, let expression, let declares):
                let value = try evaluate(expression, dot: dot)
                if declares {
                    scopes[scopes.count - 1][name] = .some(value)
                } else if let scope = scopes.lastIndex(where: { $0[name] != nil }) {
                    scopes[scope][name] = .some(value)
                } else {
                    throw TemplateError(line: 0, message: "`\(name) = ...` assigns a variable that was never declared")
                }
            case .conditional(let branches, let otherwise):
                var chosen = otherwise
                for (condition, body) in branches where TemplateFunctions.truth(try evaluate(condition, dot: dot)) {
                    chosen = body
                    break
                }
                scopes.append([:])
                try run(chosen, dot: dot)
                scopes.removeLast()
            case .loop(let key, let value, let over, let body, let otherwise):
                let elements = Self.elements(try evaluate(over, dot: dot))
                if elements.isEmpty {
                    scopes.append([:])
                    try run(otherwise, dot: dot)
                    scopes.removeLast()
                }
                for (elementKey, element) in elements {
                    iterations += 1
                    guard iterations <= PolarisTemplate.maximumIterations else {
                        throw TemplateError(
                            line: 0, message: "`range` ran more than \(PolarisTemplate.maximumIterations) times")
                    }
                    var scope: [String: SchemaInstance?] = [:]
                    if let key { scope[key] = .some(elementKey) }
                    if let value { scope[value] = .some(element) }
                    scopes.append(scope)
                    try run(body, dot: element)
                    scopes.removeLast()
                }
            }
        }
    }

    private mutating func write(_ text: String) throws(TemplateError) {
        output += text
        guard output.utf8.count <= PolarisTemplate.maximumOutput else {
            throw TemplateError(
                line: 0, message: "the template produced more than \(PolarisTemplate.maximumOutput) bytes")
        }
    }

    func evaluate(_ expression: PolarisTemplate.Expression, dot: SchemaInstance?) throws(TemplateError)
        -> SchemaInstance?
    {
        switch expression {
        case .literal(let value):
            return .value(value, at: root.position)
        case .field(let variable, let keys):
            var value: SchemaInstance?
            if let variable {
                if variable == "$" {
                    value = root
                } else if let scope = scopes.last(where: { $0[variable] != nil }), let bound = scope[variable] {
                    value = bound
                } else {
                    throw TemplateError(line: 0, message: "undefined variable `\(variable)`")
                }
            } else {
                value = dot
            }
            for key in keys { value = value?.property(key) }
            return value
        case .group(let inner, let keys):
            var value = try evaluate(inner, dot: dot)
            for key in keys { value = value?.property(key) }
            return value
        case .call(let name, let arguments):
            var values: [SchemaInstance?] = []
            for argument in arguments { values.append(try evaluate(argument, dot: dot)) }
            return try TemplateFunctions.call(name, values, at: root.position)
        }
    }

    /// What `range` walks: a list's (index, item), a mapping's (key, value) in key order, as Go does.
    static func elements(_ value: SchemaInstance?) -> [(SchemaInstance, SchemaInstance)] {
        guard let value else { return [] }
        switch value.shape {
        case .array(let items):
            return items.enumerated().map { (.value(.number(Double($0.offset)), at: $0.element.position), $0.element) }
        case .object(let entries):
            return entries.sorted { $0.key < $1.key }.map { (.value(.string($0.key), at: $0.value.position), $0.value) }
        default:
            return []
        }
    }

    static func printed(_ value: SchemaInstance?) -> String {
        guard let value else { return "<no value>" }
        return TemplateFunctions.printed(value.value)
    }
}
