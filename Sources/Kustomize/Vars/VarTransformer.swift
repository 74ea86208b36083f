import Policy

/// `vars:`: declared at every level (each names one object of that level's build), replaced
/// once at the root after names are final, in kustomize's var-reference fields only.
enum VarTransformer {
    /// Marks the object each var of `kustomization` names (kustomize's MergeVars).
    static func declare(_ kustomization: Kustomization, session: BuildSession, resources: inout [Resource]) throws {
        for entry in kustomization.list("vars") {
            let variable = try Var(entry)
            if let earlier = session.vars.first(where: { $0.name == variable.name }) {
                throw KustomizeError(
                    "var '\(variable.name)' already encountered (at \(earlier.origin?.description ?? "?"))",
                    at: variable.origin)
            }
            let matched = resources.indices.filter { resources[$0].allIDs.contains(where: variable.names) }
            guard matched.count <= 1 else {
                throw KustomizeError(
                    "found \(matched.count) objects for \(variable.description) (unable to disambiguate)",
                    at: variable.origin)
            }
            if let index = matched.first { resources[index].varNames.append(variable.name) }
            session.vars.append(variable)
        }
    }

    /// Replaces `$(NAME)` in every var-reference field (kustomize's ResolveVars).
    static func resolve(_ vars: [Var], in resources: inout [Resource]) throws {
        guard !vars.isEmpty else { return }
        var values: [String: Node] = [:]
        for variable in vars {
            guard let object = resources.first(where: { $0.varNames.contains(variable.name) }) else {
                throw KustomizeError(
                    "\(variable.description) cannot be mapped to a field in the set of known resources",
                    at: variable.origin)
            }
            guard let value = ReplacementPath(sliceIndexes: variable.fieldPath).lookup(in: object.node) else {
                throw KustomizeError(
                    "field specified in \(variable.description) not found in \(object.id)", at: variable.origin)
            }
            // Only scalars replace (kustomize logs and leaves `$(NAME)` for maps and lists).
            if value.scalar != nil, !value.isNull { values[variable.name] = value }
        }
        for index in resources.indices {
            let id = resources[index].id
            for spec in FieldSpecs.varReferences where spec.selects(id) {
                spec.visit(&resources[index].node, origin: nil) { field in
                    guard var node = field else { return }
                    switch node.value {
                    case .scalar: node = replaced(node, values)
                    case .mapping(let entries):
                        node.value = .mapping(entries.map { Entry(key: $0.key, node: replaced($0.node, values)) })
                    case .sequence(let items): node.value = .sequence(items.map { replaced($0, values) })
                    }
                    field = node
                }
            }
        }
    }

    /// A string scalar with its `$(NAME)`s replaced: the value itself (with its type and line)
    /// when the text is exactly one reference, else a string; `$$` is a `$`.
    static func replaced(_ node: Node, _ values: [String: Node]) -> Node {
        guard let scalar = node.scalar, isString(scalar), scalar.text.contains("$") else { return node }
        let input = Array(scalar.text.utf8)
        var output: [UInt8] = []
        var origin = node.origin
        var cursor = 0
        while cursor < input.count {
            let byte = input[cursor]
            guard byte == UInt8(ascii: "$"), cursor + 1 < input.count else {
                output.append(byte)
                cursor += 1
                continue
            }
            let next = input[cursor + 1]
            if next == UInt8(ascii: "$") {
                output.append(next)
                cursor += 2
            } else if next == UInt8(ascii: "("), let close = input[(cursor + 2)...].firstIndex(of: UInt8(ascii: ")")) {
                let name = String(decoding: input[(cursor + 2)..<close], as: UTF8.self)
                if let value = values[name] {
                    if cursor == 0, close == input.count - 1 { return value }
                    output += Array((value.scalar?.text ?? "").utf8)
                    origin = value.origin
                } else {
                    output += input[cursor...close]
                }
                cursor = close + 1
            } else {
                output += [byte, next]
                cursor += 2
            }
        }
        return Node(.scalar(Scalar(text: String(decoding: output, as: UTF8.self), kind: .string)), origin: origin)
    }

    private static func isString(_ scalar: Scalar) -> Bool {
        switch scalar.kind {
        case .string: true
        case .plain: PlainScalar.readsAsString(scalar.text)
        case .tagged(let tag): tag == "tag:yaml.org,2002:str"
        }
    }
}
