import Manifests

/// Moves a HorizontalPodAutoscaler from `autoscaling/v2beta1` to `autoscaling/v2`, whose metric
/// targets are nested: `resource: {name: cpu, targetAverageUtilization: 80}` becomes
/// `resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}` (and
/// `targetAverageValue` an `AverageValue` target); Pods, Object and External metrics move their
/// `metricName` (and selector) under `metric` and their target under `target`, and an Object
/// metric's `target` object becomes `describedObject`. (`v2beta2` has v2's shape and is renamed.)
enum HPAV2Migration {
    static let source = "autoscaling/v2beta1"
    static let target = "autoscaling/v2"

    static func edits(for object: KubernetesObject, editor: YAMLEditor) throws(EditError) -> [TextEdit] {
        guard object.kind == "HorizontalPodAutoscaler", object.apiVersion == source else { return [] }
        var edits: [TextEdit] = []
        for metric in object.node["spec", "metrics"]?.items ?? [] {
            guard let type = metric["type"]?.string,
                let key = ["Resource": "resource", "Pods": "pods", "Object": "object", "External": "external"][type],
                let source = metric[key]
            else {
                throw EditError(
                    "line \(metric.start.line): a metric of an unknown type; move it to autoscaling/v2 by hand")
            }
            guard let migrated = try v2(source, type: type) else { continue }
            edits.append(try editor.replaceMapping(source, with: migrated))
        }
        if let edit = try editor.set(["apiVersion"], to: .plain(target), in: object.node) { edits.append(edit) }
        return edits
    }

    /// The v2 form of one metric source; nil when it already has v2's shape.
    private static func v2(_ source: YAMLNode, type: String) throws(EditError) -> YAMLValue? {
        func text(_ key: String) -> String? { source[key]?.string }
        let target: YAMLValue
        if let utilization = text("targetAverageUtilization") {
            target = .mapping([("type", .plain("Utilization")), ("averageUtilization", .plain(utilization))])
        } else if let average = text("targetAverageValue") {
            target = .mapping([("type", .plain("AverageValue")), ("averageValue", .plain(average))])
        } else if let value = text("targetValue") {
            target = .mapping([("type", .plain("Value")), ("value", .plain(value))])
        } else {
            return nil
        }
        switch type {
        case "Resource":
            guard let name = text("name") else {
                throw EditError("line \(source.start.line): a resource metric without a name")
            }
            return .mapping([("name", .string(name)), ("target", target)])
        default:
            guard let name = text("metricName") else {
                throw EditError("line \(source.start.line): a metric without metricName")
            }
            var metric: [(String, YAMLValue)] = [("name", .string(name))]
            let selectorKey = type == "External" ? "metricSelector" : "selector"
            if let selector = source[selectorKey], let value = plainValue(selector) {
                metric.append(("selector", value))
            }
            var entries: [(String, YAMLValue)] = []
            if type == "Object", let described = source["target"], let value = plainValue(described) {
                entries.append(("describedObject", value))
            }
            entries += [("metric", .mapping(metric)), ("target", target)]
            return .mapping(entries)
        }
    }

    /// A parsed value as something the editor can write back.
    private static func plainValue(_ node: YAMLNode) -> YAMLValue? {
        if let entries = node.entries {
            return .mapping(
                entries.compactMap { entry in entry.keyText.flatMap { key in plainValue(entry.value).map { (key, $0) } }
                })
        }
        if let items = node.items { return .sequence(items.compactMap(plainValue)) }
        return node.string.map(YAMLValue.string)
    }
}
