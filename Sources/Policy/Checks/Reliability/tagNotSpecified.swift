import Manifests

/// Polaris `tagNotSpecified`: every image names a tag other than `latest` (or a digest).
struct TagNotSpecified: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "tagNotSpecified", category: .reliability, target: "Container",
        title: "Image tag should be specified",
        description:
            "An image without a tag, or with `latest`, changes under the workload: restarts pull a different image than the one reviewed.",
        remediation: "Pin the image to a version tag (or a digest), such as `nginx:1.27.3`."
    )

    var includesInitContainers: Bool { true }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard let image = container.image else {
            return .missing(["image"], in: container, message: "no image is set")
        }
        switch ImageReference(image).tag {
        case .digest, .version: return nil
        case .latest:
            return .present(["image"], in: container, message: "image \(image) uses the `latest` tag: pin a version")
        case .none: return .present(["image"], in: container, message: "image \(image) has no tag: pin a version")
        }
    }
}

/// Just enough of an image reference to tell its tag: `registry:5000/repo/name:tag@sha256:...`.
struct ImageReference {
    enum Tag { case none, latest, version, digest }
    let tag: Tag

    /// Reads bytes, not characters: this runs on every container of every workload, and
    /// `String.contains` and `split` cost tens of thousands of instructions an image.
    init(_ reference: String) {
        let utf8 = reference.utf8
        if utf8.contains(UInt8(ascii: "@")) {
            tag = .digest
            return
        }
        // The last non-empty path component: `registry:5000/repo/name:tag`.
        var lastComponent = utf8[...]
        while let slash = lastComponent.lastIndex(of: UInt8(ascii: "/")) {
            let after = lastComponent[lastComponent.index(after: slash)...]
            if !after.isEmpty {
                lastComponent = after
                break
            }
            lastComponent = lastComponent[..<slash]
        }
        guard let colon = lastComponent.lastIndex(of: UInt8(ascii: ":")) else {
            tag = .none
            return
        }
        let value = lastComponent[lastComponent.index(after: colon)...]
        tag = value.isEmpty ? .none : (value.elementsEqual("latest".utf8) ? .latest : .version)
    }
}
