/// The object (or file) a dependency was found in, as reports name it.
package struct DependencyOrigin: Sendable, Hashable, CustomStringConvertible {
    /// `HelmRelease`, `Application`, `Deployment`, or a file role such as `values file`.
    package var kind: String
    package var name: String
    package var file: String
    /// `container app`, `values image.tag`, `images[2]`...
    package var detail: String

    package init(kind: String, name: String, file: String, detail: String = "") {
        self.kind = kind
        self.name = name
        self.file = file
        self.detail = detail
    }

    package var description: String {
        let object = name.isEmpty ? kind : "\(kind) \(name)"
        return detail.isEmpty ? object : "\(object), \(detail)"
    }
}
