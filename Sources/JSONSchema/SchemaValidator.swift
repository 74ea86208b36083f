import JSONKit
import Manifests

/// The first reason an instance does not match a schema, placed on the value that failed (or
/// the mapping that lacks a required key).
package struct SchemaFailure: Sendable, CustomStringConvertible {
    package var position: SourcePosition
    /// Where the failing value is, relative to the instance validated.
    package var path: DocumentPath
    package var message: String

    package var description: String {
        path.components.isEmpty ? message : "\(path): \(message)"
    }
}

extension Schema {
    /// Validates `instance`; `nil` when it matches.
    package func validate(_ instance: SchemaInstance) -> SchemaFailure? {
        validate(instance, entry: 0)
    }

    /// Validates `instance` against entry `entry` of `init(entries:documents:dialect:)`.
    package func validate(_ instance: SchemaInstance, entry: Int) -> SchemaFailure? {
        guard let failure = check(instance, entries[entry], depth: 0) else { return nil }
        return SchemaFailure(
            position: failure.position, path: DocumentPath(failure.reversedPath.reversed()), message: failure.message)
    }

    package func matches(_ instance: SchemaInstance) -> Bool {
        check(instance, entries[0], depth: 0) == nil
    }

    struct Failure {
        var position: SourcePosition
        var reversedPath: [DocumentPath.Component] = []
        var message: String

        func under(_ component: DocumentPath.Component) -> Failure {
            var failure = self
            failure.reversedPath.append(component)
            return failure
        }
    }

    func check(_ instance: SchemaInstance, _ index: Int, depth: Int) -> Failure? {
        let node = nodes[index]
        let here = instance.position
        if node.rejectsEverything { return Failure(position: here, message: "no value is allowed here") }
        guard depth < Schema.maximumValidationDepth else {
            return Failure(
                position: here,
                message: "the schema nests (through $ref) deeper than \(Schema.maximumValidationDepth) levels")
        }
        let shape = instance.shape
        if node.nullable, case .null = shape { return nil }
        if let types = node.types, !types.contains(where: { Self.shape(shape, isOfType: $0) }) {
            return Failure(
                position: here,
                message:
                    "must be \(types.map(Self.article).joined(separator: " or ")), not \(Self.article(Self.typeName(shape)))"
            )
        }
        if node.hasConst || node.enumValues != nil {
            let value = instance.value
            if node.hasConst, let expected = node.constValue, !Self.equal(value, expected) {
                return Failure(position: here, message: "must be \(Self.render(expected)), not \(Self.render(value))")
            }
            if let options = node.enumValues, !options.contains(where: { Self.equal(value, $0) }) {
                return Failure(
                    position: here,
                    message:
                        "must be one of \(options.map(Self.render).joined(separator: ", ")), not \(Self.render(value))")
            }
        }
        switch shape {
        case .number(let number):
            if let failure = checkNumber(number, node, here) { return failure }
        case .string(let string):
            if let failure = checkString(string, node, here) { return failure }
        case .array(let items):
            if let failure = checkArray(items, node, here, depth: depth) { return failure }
        case .object(let entries):
            if let failure = checkObject(instance, entries, node, here, depth: depth) { return failure }
        case .null, .bool:
            break
        }
        if node.resourceMinimum != nil || node.resourceMaximum != nil, let failure = checkQuantity(shape, node, here) {
            return failure
        }
        return checkApplicators(instance, node, here, depth: depth)
    }

    private func checkApplicators(_ instance: SchemaInstance, _ node: SchemaNode, _ here: SourcePosition, depth: Int)
        -> Failure?
    {
        if let ref = node.ref, let target = pointers[ref], let failure = check(instance, target, depth: depth + 1) {
            return failure
        }
        for sub in node.allOf {
            if let failure = check(instance, sub, depth: depth + 1) { return failure }
        }
        if !node.anyOf.isEmpty, !node.anyOf.contains(where: { check(instance, $0, depth: depth + 1) == nil }) {
            // When every alternative fails the same way at a deeper value, that value is the place.
            return Failure(position: here, message: "matches none of the \(node.anyOf.count) alternatives (anyOf)")
        }
        if !node.oneOf.isEmpty {
            let matching = node.oneOf.count { check(instance, $0, depth: depth + 1) == nil }
            if matching != 1 {
                return Failure(
                    position: here,
                    message: matching == 0
                        ? "matches none of the \(node.oneOf.count) alternatives (oneOf)"
                        : "matches \(matching) of the alternatives where exactly one is allowed (oneOf)")
            }
        }
        if let not = node.not, check(instance, not, depth: depth + 1) == nil {
            return Failure(position: here, message: "matches a schema it must not match (not)")
        }
        if let condition = node.ifSchema {
            let branch = check(instance, condition, depth: depth + 1) == nil ? node.thenSchema : node.elseSchema
            if let branch, let failure = check(instance, branch, depth: depth + 1) { return failure }
        }
        return nil
    }

    private func checkNumber(_ number: Double, _ node: SchemaNode, _ here: SourcePosition) -> Failure? {
        let shown = Self.render(.number(number))
        if let minimum = node.minimum, number < minimum {
            return Failure(position: here, message: "must be at least \(Self.render(.number(minimum))), not \(shown)")
        }
        if let maximum = node.maximum, number > maximum {
            return Failure(position: here, message: "must be at most \(Self.render(.number(maximum))), not \(shown)")
        }
        if let bound = node.exclusiveMinimum, number <= bound {
            return Failure(position: here, message: "must be more than \(Self.render(.number(bound))), not \(shown)")
        }
        if let bound = node.exclusiveMaximum, number >= bound {
            return Failure(position: here, message: "must be less than \(Self.render(.number(bound))), not \(shown)")
        }
        if let factor = node.multipleOf, factor > 0 {
            let quotient = number / factor
            if quotient.rounded() != quotient {
                return Failure(
                    position: here, message: "must be a multiple of \(Self.render(.number(factor))), not \(shown)")
            }
        }
        return nil
    }

    private func checkString(_ string: String, _ node: SchemaNode, _ here: SourcePosition) -> Failure? {
        if node.minLength != nil || node.maxLength != nil {
            let length = string.unicodeScalars.count
            if let minimum = node.minLength, length < minimum {
                return Failure(position: here, message: "must be at least \(minimum) character(s) long")
            }
            if let maximum = node.maxLength, length > maximum {
                return Failure(position: here, message: "must be at most \(maximum) character(s) long")
            }
        }
        if let pattern = node.pattern, !pattern.matches(string) {
            return Failure(
                position: here,
                message: "\(Self.render(.string(string))) does not match the pattern `\(pattern.source)`")
        }
        return nil
    }

    private func checkQuantity(_ shape: SchemaInstance.Shape, _ node: SchemaNode, _ here: SourcePosition) -> Failure? {
        let text: String
        switch shape {
        case .string(let string): text = string
        case .number(let number): text = Self.render(.number(number))
        default: return nil
        }
        guard let quantity = ResourceQuantity.parse(text) else {
            return Failure(position: here, message: "\(Self.render(.string(text))) is not a resource quantity")
        }
        if let minimum = node.resourceMinimum, quantity < minimum.value {
            return Failure(position: here, message: "must be at least \(minimum.text), not \(text)")
        }
        if let maximum = node.resourceMaximum, quantity > maximum.value {
            return Failure(position: here, message: "must be at most \(maximum.text), not \(text)")
        }
        return nil
    }
}
