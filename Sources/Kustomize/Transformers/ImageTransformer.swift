import Policy

/// `images:` entries: new names, tags and digests for matching container images, in every
/// `containers`/`initContainers` list of an object (kustomize's legacy walk) and in image volumes.
enum ImageTransformer {
    struct Rule {
        var name: String
        var newName: String?
        var newTag: String?
        var digest: String?
        var tagSuffix: String?
        var origin: SourceLocation?
    }

    static func apply(_ entries: [Node], to resources: inout [Resource]) throws {
        for entry in entries {
            guard let name = entry["name"]?.string, !name.isEmpty else {
                throw KustomizeError("an images: entry needs a name:", at: entry.origin)
            }
            let origin = entry["newTag"]?.origin ?? entry["digest"]?.origin ?? entry["newName"]?.origin ?? entry.origin
            let rule = Rule(
                name: name, newName: entry["newName"]?.string, newTag: entry["newTag"]?.scalar?.text,
                digest: entry["digest"]?.string, tagSuffix: entry["tagSuffix"]?.string, origin: origin)
            for index in resources.indices {
                if resources[index].kind != "CustomResourceDefinition" { walk(&resources[index].node, rule: rule) }
                let id = resources[index].id
                for spec in FieldSpecs.images where spec.selects(id) {
                    var noCreate = spec
                    noCreate.create = false
                    noCreate.visit(&resources[index].node, origin: nil) { field in
                        if var image = field {
                            update(&image, rule: rule)
                            field = image
                        }
                    }
                }
            }
        }
    }

    /// Every `containers:`/`initContainers:` sequence anywhere in the object.
    private static func walk(_ node: inout Node, rule: Rule) {
        switch node.value {
        case .mapping(var entries):
            for index in entries.indices {
                walk(&entries[index].node, rule: rule)
                if entries[index].key == "containers" || entries[index].key == "initContainers",
                    case .sequence(var items) = entries[index].node.value
                {
                    for item in items.indices {
                        if var image = items[item]["image"] {
                            update(&image, rule: rule)
                            items[item]["image"] = image
                        }
                    }
                    entries[index].node.value = .sequence(items)
                }
            }
            node.value = .mapping(entries)
        case .sequence(var items):
            for index in items.indices { walk(&items[index], rule: rule) }
            node.value = .sequence(items)
        case .scalar:
            break
        }
    }

    static func update(_ image: inout Node, rule: Rule) {
        guard let value = image.scalar?.text, matches(value, name: rule.name) else { return }
        var (name, tag, digest) = split(value)
        if let newName = rule.newName, !newName.isEmpty { name = newName }
        if let newTag = rule.newTag, !newTag.isEmpty, let newDigest = rule.digest, !newDigest.isEmpty {
            tag = newTag
            digest = newDigest
        } else if let newTag = rule.newTag, !newTag.isEmpty {
            tag = newTag
            digest = ""
        } else if let newDigest = rule.digest, !newDigest.isEmpty {
            tag = ""
            digest = newDigest
        } else if let suffix = rule.tagSuffix, !suffix.isEmpty {
            tag += suffix
            digest = ""
        }
        var result = name
        if !tag.isEmpty { result += ":" + tag }
        if !digest.isEmpty { result += "@" + digest }
        if result != value { image = Node.string(result, origin: rule.origin) }
    }

    /// kustomize's match: the name, then an optional `:tag`, then an optional `@algorithm:digest`.
    static func matches(_ image: String, name: String) -> Bool {
        guard image.hasPrefix(name) else { return false }
        var rest = Substring(image.dropFirst(name.count))
        let tagCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.{}-")
        if rest.first == ":" {
            rest = rest.dropFirst()
            rest = rest.drop { tagCharacters.contains($0) }
        }
        if rest.isEmpty { return true }
        guard rest.first == "@" else { return false }
        rest = rest.dropFirst()
        guard let colon = rest.firstIndex(of: ":") else { return false }
        let algorithm = rest[..<colon]
        let alphanumeric = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let separators = Set(".+_-")
        guard let first = algorithm.first, alphanumeric.contains(first), let last = algorithm.last,
            alphanumeric.contains(last)
        else { return false }
        var previousWasSeparator = false
        for character in algorithm {
            if separators.contains(character) {
                if previousWasSeparator { return false }
                previousWasSeparator = true
            } else if alphanumeric.contains(character) {
                previousWasSeparator = false
            } else {
                return false
            }
        }
        return rest[rest.index(after: colon)...].allSatisfy { tagCharacters.contains($0) }
    }

    /// name, tag, digest as kustomize splits them (a registry's `host:port/` is part of the name).
    static func split(_ image: String) -> (String, String, String) {
        let characters = Array(image)
        let slash = characters.firstIndex(of: "/") ?? 0
        let search = characters[slash...]
        let at = search.firstIndex(of: "@")
        let colon = search.firstIndex(of: ":")
        switch (colon, at) {
        case (nil, nil):
            return (image, "", "")
        case (_, let at?) where colon == nil || at < colon!:
            return (String(characters[..<at]), "", String(characters[(at + 1)...]))
        case (let colon?, let at?):
            return (String(characters[..<colon]), String(characters[(colon + 1)..<at]), String(characters[(at + 1)...]))
        case (let colon?, nil):
            return (String(characters[..<colon]), String(characters[(colon + 1)...]), "")
        default:
            return (image, "", "")
        }
    }
}
