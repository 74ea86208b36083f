import Manifests
import Policy

/// The objects of one resource file: every document, and the items of a `kind: List`.
enum ResourceFile {
    static func read(_ path: String, session: BuildSession, at location: SourceLocation?) throws -> [Resource] {
        if let cached = session.cache?.resources(of: path) {
            try session.count(files: CollectionOfOne(path), at: location)
            try session.count(bytes: cached.bytes, at: location)
            return cached.resources
        }
        let bytes = try session.read(path, at: location)
        let resources = try parse(bytes, file: path)
        session.cache?.store(resources, bytes: bytes.count, of: path)
        return resources
    }

    static func parse(_ bytes: [UInt8], file: String) throws -> [Resource] {
        let stream = YAMLParser.parse(bytes: bytes)
        if let error = stream.errors.first {
            throw KustomizeError("not valid YAML: \(error)", at: SourceLocation(file: file, position: error.position))
        }
        var resources: [Resource] = []
        for document in stream.documents {
            guard let root = document.root else { continue }
            let node = try Node.copy(root, file: file)
            if node.isNull { continue }
            guard node.entries != nil else {
                throw KustomizeError("a resource document is a mapping (an object), this one is not", at: node.origin)
            }
            if node["kind"]?.string == "List", let items = root["items"]?.items {
                for item in items where item.isMapping {
                    resources.append(try resource(Node.copy(item, file: file), yaml: item, file: file))
                }
                continue
            }
            resources.append(try resource(node, yaml: root, file: file))
        }
        return resources
    }

    private static func resource(_ node: Node, yaml: YAMLNode, file: String) throws -> Resource {
        guard node["kind"]?.string?.isEmpty == false else {
            throw KustomizeError("the object has no kind", at: node.origin)
        }
        guard
            node[path: "metadata", "name"]?.string?.isEmpty == false
                || node[path: "metadata", "generateName"]?.string != nil
        else {
            throw KustomizeError("the \(node["kind"]?.string ?? "") object has no metadata.name", at: node.origin)
        }
        let anchorPosition = yaml.entry("kind")?.key.start ?? yaml.start
        return Resource(node: node, anchor: SourceLocation(file: file, position: anchorPosition), label: file)
    }
}
