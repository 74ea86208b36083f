/// One container (or init container) of a pod spec.
package struct ContainerSpec: Sendable {
    package var node: YAMLNode
    package var name: String
    package var isInit: Bool
    package var path: DocumentPath

    package var image: String? { node["image"]?.string }
    package var securityContext: YAMLNode? { node["securityContext"] }
    /// The container's first line (`- name: app`), where findings about missing fields anchor.
    package var anchor: SourcePosition { node.start }

    static func list(in podSpec: YAMLNode, key: String, isInit: Bool, podPath: DocumentPath) -> [ContainerSpec] {
        guard let items = podSpec[key]?.items else { return [] }
        var containers: [ContainerSpec] = []
        for (index, item) in items.enumerated() where item.isMapping {
            containers.append(
                ContainerSpec(
                    node: item,
                    name: item["name"]?.string ?? "",
                    isInit: isInit,
                    path: podPath.appending(key).appending(index: index)
                ))
        }
        return containers
    }
}
