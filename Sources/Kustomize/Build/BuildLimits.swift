/// Bounds on what one root may read and make: kustomizations in repositories are written by
/// strangers, and a build must end, quickly, on any input.
public struct BuildLimits: Sendable {
    /// Kustomizations nested inside one another (resources and components).
    public var maxDepth = 24
    /// Files read for one root.
    public var maxFiles = 4_000
    /// Bytes of one file.
    public var maxFileBytes = 8 << 20
    /// Bytes read for one root.
    public var maxTotalBytes = 128 << 20
    /// Objects in one root's output.
    public var maxObjects = 20_000

    public init() {}
}
