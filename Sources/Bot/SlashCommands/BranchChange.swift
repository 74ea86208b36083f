import Review

/// What a command commits on the pull request's branch: the files it rewrote (and how they were,
/// for the diff offered when the bot may not push), and one line per change for the commit
/// message and the reply.
public struct BranchChange: Sendable {
    /// Path → the new bytes.
    public var files: [String: [UInt8]] = [:]
    /// Path → the bytes at the pull request's head.
    public var originals: [String: [UInt8]] = [:]
    /// `checkId: file:line — reason`, one per fix or annotated object.
    public var changes: [String] = []
    /// What the command could not do, and why.
    public var skipped: [String] = []
    /// The exemptions an `ignore` wrote, which reviews of the pull request count (see `ExemptionApprovals`).
    public var approvedExemptions: [ApprovedExemption] = []

    public var isEmpty: Bool { files.isEmpty }

    /// `Fix 2 findings (shipshape)` and the list.
    public func commitMessage(title: String) -> String {
        ([title, ""] + changes.map { "- " + $0 }).joined(separator: "\n") + "\n"
    }
}
