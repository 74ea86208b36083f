import Upgrades

/// An image a change pins that its base did not pin at that place: a new image, or a new tag or
/// digest of one already there (`previous`, the same repository pinned in the same file at the base).
package struct ChangedImage: Sendable, Hashable {
    package var image: ImageReference
    package var dependency: Dependency
    package var previous: ImageReference?

    package init(image: ImageReference, dependency: Dependency, previous: ImageReference?) {
        self.image = image
        self.dependency = dependency
        self.previous = previous
    }

    /// The images `head` pins that `base` did not pin in the same file; `renamed` maps a head
    /// path to its base path. Unchanged pins are left out: a review scans only what changed.
    package static func find(head: DetectionReport, base: DetectionReport, renamed: [String: String] = [:])
        -> [ChangedImage]
    {
        var before: [String: [ImageReference]] = [:]
        for dependency in base.dependencies {
            if let image = ImageScanner.image(of: dependency) {
                before[dependency.location.file, default: []].append(image)
            }
        }
        return head.dependencies.compactMap { dependency in
            guard let image = ImageScanner.image(of: dependency) else { return nil }
            let earlier = before[renamed[dependency.location.file] ?? dependency.location.file] ?? []
            if earlier.contains(image) { return nil }
            let previous = earlier.first { $0.registry == image.registry && $0.repository == image.repository }
            return ChangedImage(image: image, dependency: dependency, previous: previous)
        }
    }
}
