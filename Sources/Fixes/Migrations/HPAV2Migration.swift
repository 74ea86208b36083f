import Manifests

/// Moves a HorizontalPodAutoscaler from `autoscaling/v2beta1` to `autoscaling/v2`, whose metric
/// targets are nested: `resource: {name: cpu, targetAverageUtilization: 80}` becomes
/// `resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}` (and
/// `targetAverageValue` an `AverageValue` target). Autoscalers with other kinds of metrics are
/// left to a person. (`v2beta2` has v2's shape and is only renamed.)
enum HPAV2Migration {
    static let source = "autoscaling/v2beta1"
    static let target = "autoscaling/v2"

    static func edits(for object: KubernetesObject, editor: YAMLEditor) throws(EditError) -> [TextEdit] {
        guard object.kind == "HorizontalPodAutoscaler", object.apiVersion == source else { return [] }
        let metrics = object.node["spec", "metrics"]?.items ?? []
        var edits: [TextEdit] = []
        for metric in metrics {
            guard metric["type"]?.string == "Resource", let resource = metric["resource"], let name = resource["name"]?.string else {
                throw EditError("line \(metric.start.line): only Resource metrics are migrated; move the others to autoscaling/v2 by hand")
            }
            let target: YAMLValue
            if let utilization = resource["targetAverageUtilization"]?.string {
                target = .mapping([("type", .plain("Utilization")), ("averageUtilization", .plain(utilization))])
            } else if let value = resource["targetAverageValue"]?.string {
                target = .mapping([("type", .plain("AverageValue")), ("averageValue", .plain(value))])
            } else {
                continue
            }
            edits.append(try editor.replaceMapping(resource, with: .mapping([("name", .string(name)), ("target", target)])))
        }
        if let edit = try editor.set(["apiVersion"], to: .plain(target), in: object.node) { edits.append(edit) }
        return edits
    }
}
