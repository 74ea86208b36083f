import Manifests

/// Turns the places images are written into dependencies: an `image: repo:tag[@digest]` scalar,
/// or a map that splits the reference (`{registry, repository, tag}`, `{repository, tag}`,
/// `{name, tag}`, each with an optional `digest`).
struct ImageSites {
    let text: LocatedText

    /// A dependency for the tag inside a whole reference; nil when the text is not a reference
    /// with a tag (a bare `nginx`, a digest alone, a template action).
    func reference(_ node: YAMLNode, origin: DependencyOrigin, addOn: String? = nil) -> Dependency? {
        guard let written = node.string, let image = ImageReference(parsing: written), let tag = image.tag else {
            return nil
        }
        let beforeDigest = written.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let tagStart = beforeDigest.utf8.count - tag.utf8.count
        let tagLocation = text.location(of: tagStart..<beforeDigest.utf8.count, in: node)
        let digestLocation = image.digest.map { _ in
            text.location(of: (beforeDigest.utf8.count + 1)..<written.utf8.count, in: node)
        }
        return Dependency(
            kind: .image, name: image.displayName, source: .registry(host: image.apiHost, repository: image.repository),
            currentValue: tag, location: tagLocation, digest: image.digest, digestLocation: digestLocation,
            origin: origin, addOn: addOn ?? Self.shortName(image))
    }

    /// A dependency for a map that names the image in parts; nil when the map is not one.
    /// `nameKeys` are the keys that may hold the repository (`name` only counts where the map
    /// is known to describe an image, since `name` is everywhere in Kubernetes).
    func parts(
        _ map: YAMLNode, nameKeys: [String], tagKey: String = "tag", origin: DependencyOrigin, addOn: String? = nil
    ) -> Dependency? {
        guard let tagNode = map[tagKey], let written = tagNode.string, !written.isEmpty, !written.contains("{{"),
            let repository = nameKeys.lazy.compactMap({ map[$0]?.string }).first, !repository.isEmpty
        else { return nil }
        // `tag: 1.2.3@sha256:...` pins the digest in the tag field itself.
        let pieces = written.split(separator: "@", maxSplits: 1).map(String.init)
        let tag = pieces[0]
        var name = repository
        if let registry = map["registry"]?.string, !registry.isEmpty { name = registry + "/" + repository }
        guard let image = ImageReference(parsing: name + ":" + tag), image.tag == tag, image.digest == nil else {
            return nil
        }
        var digest: String?
        var digestLocation: ValueLocation?
        if pieces.count == 2 {
            digest = pieces[1]
            digestLocation = text.location(of: (tag.utf8.count + 1)..<written.utf8.count, in: tagNode)
        } else if let node = map["digest"], let value = node.string, !value.isEmpty {
            digest = value
            digestLocation = text.location(of: node)
        }
        return Dependency(
            kind: .image, name: image.displayName, source: .registry(host: image.apiHost, repository: image.repository),
            currentValue: tag, location: text.location(of: 0..<tag.utf8.count, in: tagNode), digest: digest,
            digestLocation: digestLocation, origin: origin, addOn: addOn ?? Self.shortName(image))
    }

    /// The images anywhere inside Helm values, with the key path of each as its detail.
    func inValues(
        _ node: YAMLNode, origin: DependencyOrigin, addOn: String?, path: [String] = [], imageContext: Bool = false
    ) -> [Dependency] {
        var found: [Dependency] = []
        if let entries = node.entries {
            var here = origin
            here.detail = Self.detail(origin.detail, path)
            let names = imageContext ? ["repository", "name"] : ["repository"]
            if let dependency = parts(node, nameKeys: names, origin: here, addOn: addOn) { return [dependency] }
            for entry in entries {
                guard let key = entry.keyText else { continue }
                let isImageKey = key.lowercased().hasSuffix("image") || key.lowercased() == "images"
                if isImageKey, entry.value.scalar != nil {
                    var origin = origin
                    origin.detail = Self.detail(origin.detail, path + [key])
                    if let dependency = reference(entry.value, origin: origin, addOn: addOn) {
                        found.append(dependency)
                    }
                    continue
                }
                found += inValues(
                    entry.value, origin: origin, addOn: addOn, path: path + [key], imageContext: isImageKey)
            }
        } else if let items = node.items {
            for (index, item) in items.enumerated() {
                found += inValues(
                    item, origin: origin, addOn: addOn, path: path + ["[\(index)]"], imageContext: imageContext)
            }
        }
        return found
    }

    static func detail(_ prefix: String, _ path: [String]) -> String {
        let keys = path.reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
        return prefix.isEmpty ? keys : "\(prefix) \(keys)"
    }

    /// The add-on an image stands for on its own: the last part of its repository path.
    static func shortName(_ image: ImageReference) -> String {
        image.repository.split(separator: "/").last.map(String.init) ?? image.repository
    }
}
