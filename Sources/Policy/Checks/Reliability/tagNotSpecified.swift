import Manifests

/// Polaris `tagNotSpecified`: every image names a tag other than `latest` (or a digest).
struct TagNotSpecified: ContainerCheck {
    static let metadata = CheckMetadata(
        id: "tagNotSpecified", category: .reliability, target: "Container",
        title: "Image tag should be specified",
        description: "An image without a tag, or with `latest`, changes under the workload: restarts pull a different image than the one reviewed.",
        remediation: "Pin the image to a version tag (or a digest), such as `nginx:1.27.3`."
    )

    var includesInitContainers: Bool { true }

    func violation(in container: ContainerSpec, of pod: PodTemplate, object: KubernetesObject) -> Violation? {
        guard let image = container.image else {
            return .missing(["image"], in: container, message: "no image is set")
        }
        switch ImageReference(image).tag {
        case .digest, .version: return nil
        case .latest: return .present(["image"], in: container, message: "image \(image) uses the `latest` tag: pin a version")
        case .none: return .present(["image"], in: container, message: "image \(image) has no tag: pin a version")
        }
    }
}

/// Just enough of an image reference to tell its tag: `registry:5000/repo/name:tag@sha256:...`.
struct ImageReference {
    enum Tag { case none, latest, version, digest }
    let tag: Tag

    init(_ reference: String) {
        if reference.contains("@") {
            tag = .digest
            return
        }
        let lastComponent = reference.split(separator: "/").last.map(String.init) ?? reference
        guard let colon = lastComponent.lastIndex(of: ":") else {
            tag = .none
            return
        }
        let value = lastComponent[lastComponent.index(after: colon)...]
        tag = value.isEmpty ? .none : (value == "latest" ? .latest : .version)
    }
}
