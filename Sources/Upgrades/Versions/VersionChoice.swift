/// The outcome of choosing among a registry's tags: what may be proposed under the policy and
/// what exists at all, both as the registry spelled them (apply `newValue` before writing).
public struct VersionChoice: Sendable, Hashable {
    /// The greatest candidate the policy allows; nil when none.
    public var newestAllowed: String?
    /// The greatest candidate regardless of `allow` and `range`, to tell users what they are missing.
    public var newestOverall: String?
    /// The step from the current version to `newestAllowed`.
    public var updateType: UpdateType?

    public init(newestAllowed: String? = nil, newestOverall: String? = nil, updateType: UpdateType? = nil) {
        self.newestAllowed = newestAllowed
        self.newestOverall = newestOverall
        self.updateType = updateType
    }
}
