import JSONSchema
import Manifests

extension ConfigurationReader {
    /// The fields of a Polaris custom check; Polaris reads them case-insensitively (Go's JSON
    /// decoding), and its own `linuxHardening` spells one `FailureMessage`.
    static let customCheckFields = [
        "successmessage", "failuremessage", "category", "target", "schematarget", "controllers", "containers", "schema",
        "schemastring", "jsonschema", "additionalschemas", "additionalschemastrings", "mutations", "id",
    ]

    /// Reads `customChecks`: check id → definition. Every mistake is collected with its line.
    mutating func readCustomChecks(_ node: YAMLNode) -> [CustomCheck] {
        guard let entries = node.entries else {
            if !node.isNull { problem(node, "`customChecks` must map check ids to Polaris custom check definitions") }
            return []
        }
        return entries.compactMap { entry in
            guard let id = entry.keyText, !id.isEmpty else { return nil }
            return readCustomCheck(id: id, entry.value)
        }
    }

    mutating func readCustomCheck(id: String, _ node: YAMLNode) -> CustomCheck? {
        guard let entries = node.entries else {
            problem(node, "custom check `\(id)` must be a mapping (target, schema, failureMessage...)")
            return nil
        }
        var fields: [String: YAMLMappingEntry] = [:]
        for entry in entries {
            guard let key = entry.keyText?.lowercased() else { continue }
            if Self.customCheckFields.contains(key) {
                fields[key] = entry
            } else {
                problem(
                    entry.key,
                    "unknown field `\(entry.keyText ?? "")` in custom check `\(id)`; use target, schema or schemaString, additionalSchemas or additionalSchemaStrings, controllers, containers, successMessage, failureMessage, category"
                )
            }
        }
        let problemsBefore = problems.count
        guard let targetText = fields["target"]?.value.string else {
            problem(
                node,
                "custom check `\(id)` needs a `target`: Container, PodSpec, PodTemplate, Controller, or a kind such as apps/Deployment"
            )
            return nil
        }
        let target = CustomCheckTarget(targetText)
        var validatesPodSpecPerContainer = false
        if let schemaTarget = fields["schematarget"] {
            if schemaTarget.value.string == "PodSpec", target == .container {
                validatesPodSpecPerContainer = true
            } else if schemaTarget.value.string != targetText {
                problem(schemaTarget.value, "`schemaTarget` can only be PodSpec, with `target: Container`")
            }
        }
        let schemaFields = ["schema", "schemastring", "jsonschema"].compactMap { fields[$0] }
        guard schemaFields.count == 1, let schemaField = schemaFields.first else {
            problem(
                schemaFields.dropFirst().first?.key ?? node,
                "custom check `\(id)` needs exactly one of `schema` and `schemaString`")
            return nil
        }
        let schema = customSchema(schemaField, check: id)
        var additional: [(target: CustomCheckTarget, schema: CustomSchema)] = []
        for key in ["additionalschemas", "additionalschemastrings"] {
            guard let field = fields[key] else { continue }
            guard let kinds = field.value.entries else {
                if !field.value.isNull {
                    problem(
                        field.value,
                        "`\(field.keyText ?? key)` must map kinds (such as policy/PodDisruptionBudget) to schemas")
                }
                continue
            }
            for kind in kinds {
                guard let name = kind.keyText, let compiled = customSchema(kind, check: id) else { continue }
                additional.append((CustomCheckTarget.groupKind(name), compiled))
            }
        }
        var included: Set<String> = []
        var excluded: Set<String> = []
        if let controllers = fields["controllers"]?.value {
            for entry in controllers.entries ?? [] {
                switch entry.keyText {
                case "include":
                    included = Set(readStrings(entry.value, setting: "customChecks.\(id).controllers.include"))
                case "exclude":
                    excluded = Set(readStrings(entry.value, setting: "customChecks.\(id).controllers.exclude"))
                default: problem(entry.key, "`controllers` takes include or exclude")
                }
            }
        }
        var excludedContainers: Set<String> = []
        if let containers = fields["containers"]?.value {
            for entry in containers.entries ?? [] {
                guard entry.keyText == "exclude" else {
                    problem(entry.key, "`containers` takes exclude")
                    continue
                }
                excludedContainers = Set(readStrings(entry.value, setting: "customChecks.\(id).containers.exclude"))
                for name in excludedContainers where name != "initContainer" && name != "container" {
                    problem(entry.value, "`containers.exclude` lists initContainer or container, not `\(name)`")
                }
            }
        }
        guard problems.count == problemsBefore, let schema else { return nil }
        let failureMessage = fields["failuremessage"]?.value.string ?? "Custom check \(id) failed"
        let metadata = CheckMetadata(
            id: id, category: customCategory(fields["category"]?.value, check: id), target: target.description,
            title: failureMessage,
            description: fields["successmessage"]?.value.string.map { "When it passes: \($0)." }
                ?? "A custom check from the configuration.",
            remediation: "Change the object so that it meets the custom check `\(id)` of \(file)."
        )
        return CustomCheck(
            metadata: metadata, target: target, validatesPodSpecPerContainer: validatesPodSpecPerContainer,
            includedControllers: included, excludedControllers: excluded,
            checksInitContainers: !excludedContainers.contains("initContainer"),
            checksContainers: !excludedContainers.contains("container"),
            schema: schema, additionalSchemas: additional, failureMessage: failureMessage)
    }

    /// A schema given as YAML (`schema:`) or as text (`schemaString:`), with or without template actions.
    private mutating func customSchema(_ entry: YAMLMappingEntry, check id: String) -> CustomSchema? {
        let value = entry.value
        let isText = value.scalar != nil && !value.isNull
        let text: String
        if isText {
            text = value.string ?? ""
        } else {
            guard value.isMapping || value.bool != nil else {
                problem(value, "the schema of custom check `\(id)` must be a mapping (or a string with `schemaString`)")
                return nil
            }
            guard SchemaText.hasTemplateAction(value) else {
                do throws(SchemaCompilationFailure) {
                    return CustomSchema(compiled: try Schema(node: value))
                } catch {
                    for schemaError in error.errors {
                        problems.append(
                            .init(
                                position: schemaError.position, message: "custom check `\(id)`: \(schemaError.message)")
                        )
                    }
                    return nil
                }
            }
            // Polaris templates the schema's JSON text; so does Shipshape.
            text = SchemaText.json(value)
        }
        // Where line 1 of the text is in this file: the line after `|`, or the line of the quote.
        let firstLine = value.start.line + (isText && [.literal, .folded].contains(value.scalar?.style) ? 1 : 0)
        let template: PolarisTemplate
        do throws(TemplateError) {
            template = try PolarisTemplate(text)
        } catch {
            problems.append(
                .init(
                    position: SourcePosition(
                        line: isText ? firstLine + max(error.line - 1, 0) : value.start.line, column: 1),
                    message: "custom check `\(id)`: \(error.message)"))
            return nil
        }
        guard template.isConstant else { return CustomSchema(template: template) }
        do throws(SchemaCompilationFailure) {
            return CustomSchema(compiled: try Schema(text: text))
        } catch {
            for schemaError in error.errors {
                problems.append(
                    .init(
                        position: SourcePosition(line: firstLine + schemaError.position.line - 1, column: 1),
                        message: "custom check `\(id)`: \(schemaError.message)"))
            }
            return nil
        }
    }

    private mutating func customCategory(_ node: YAMLNode?, check id: String) -> CheckCategory {
        guard let node, let text = node.string else { return .reliability }
        if let known = CheckCategory.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
            return known
        }
        notes.append(
            "\(file):\(node.start.line): custom check `\(id)` has the category `\(text)`, which is not Security, Efficiency or Reliability; its findings are listed under Reliability"
        )
        return .reliability
    }
}
