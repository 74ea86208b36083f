import Manifests

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `exemptions:` entry, as Polaris reads it: every field given must match, and an entry
/// without `rules` exempts from every check. Controller and container names match by prefix, byte by byte as Polaris'
/// `strings.HasPrefix` does.
package struct Exemption: Sendable, Hashable {
    package var namespace: String?
    package var controllerNames: [String]
    package var containerNames: [String]
    package var rules: [String]
    /// Shipshape's addition: files the entry covers.
    package var paths: [PathPattern]

    package init(
        namespace: String? = nil, controllerNames: [String] = [], containerNames: [String] = [], rules: [String] = [],
        paths: [PathPattern] = []
    ) {
        self.namespace = namespace
        self.controllerNames = controllerNames
        self.containerNames = containerNames
        self.rules = rules
        self.paths = paths
    }

    package func exempts(checkID: String, object: ObjectReference?, container: String?, file: String) -> Bool {
        covers(object: object, file: file) && covers(checkID: checkID, container: container)
    }

    /// The parts that depend on the object alone: namespace, name and file.
    func covers(object: ObjectReference?, file: String) -> Bool {
        if let namespace, object?.namespace != namespace { return false }
        if !controllerNames.isEmpty {
            guard let name = object?.name, controllerNames.contains(where: { name.hasBytePrefix($0) }) else {
                return false
            }
        }
        if !paths.isEmpty, !paths.contains(where: { $0.matches(file) }) { return false }
        return true
    }

    /// The parts that depend on the finding: its check and container.
    func covers(checkID: String, container: String?) -> Bool {
        if !rules.isEmpty, !rules.contains(checkID) { return false }
        if !containerNames.isEmpty {
            guard let container, containerNames.contains(where: { container.hasBytePrefix($0) }) else { return false }
        }
        return true
    }
}

extension String {
    /// Whether the string's UTF-8 bytes begin with `prefix`'s (Go's `strings.HasPrefix`).
    func hasBytePrefix(_ prefix: String) -> Bool {
        var text = self
        var prefix = prefix
        return text.withUTF8 { bytes in
            prefix.withUTF8 { start in
                start.count <= bytes.count
                    && (start.isEmpty || memcmp(bytes.baseAddress!, start.baseAddress!, start.count) == 0)
            }
        }
    }
}
