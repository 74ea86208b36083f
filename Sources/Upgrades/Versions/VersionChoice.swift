/// The outcome of choosing among a registry's tags: what may be proposed under the policy and
/// what exists at all, both as the registry spelled them (apply `newValue` before writing).
package struct VersionChoice: Sendable, Hashable {
    /// The greatest candidate the policy allows; nil when none.
    package var newestAllowed: String?
    /// The greatest candidate regardless of `allow` and `range`, to tell users what they are missing.
    package var newestOverall: String?
    /// The step from the current version to `newestAllowed`.
    package var updateType: UpdateType?

    package init(newestAllowed: String? = nil, newestOverall: String? = nil, updateType: UpdateType? = nil) {
        self.newestAllowed = newestAllowed
        self.newestOverall = newestOverall
        self.updateType = updateType
    }
}
