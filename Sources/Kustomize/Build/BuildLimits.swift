/// Bounds on what one root may read and make: kustomizations in repositories are written by
/// strangers, and a build must end, quickly, on any input.
package struct BuildLimits: Sendable {
    /// Kustomizations nested inside one another (resources and components).
    package var maxDepth = 24
    /// Files read for one root.
    package var maxFiles = 4_000
    /// Bytes of one file.
    package var maxFileBytes = 8 << 20
    /// Bytes read for one root.
    package var maxTotalBytes = 128 << 20
    /// Objects in one root's output.
    package var maxObjects = 20_000

    package init() {}
}
