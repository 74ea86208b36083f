/// The object (or file) a dependency was found in, as reports name it.
public struct DependencyOrigin: Sendable, Hashable, CustomStringConvertible {
    /// `HelmRelease`, `Application`, `Deployment`, or a file role such as `values file`.
    public var kind: String
    public var name: String
    public var file: String
    /// `container app`, `values image.tag`, `images[2]`...
    public var detail: String

    public init(kind: String, name: String, file: String, detail: String = "") {
        self.kind = kind
        self.name = name
        self.file = file
        self.detail = detail
    }

    public var description: String {
        let object = name.isEmpty ? kind : "\(kind) \(name)"
        return detail.isEmpty ? object : "\(object), \(detail)"
    }
}
