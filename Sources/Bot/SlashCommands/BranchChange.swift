import Review

/// What a command commits on the pull request's branch: the files it rewrote (and how they were,
/// for the diff offered when the bot may not push), and one line per change for the commit
/// message and the reply.
package struct BranchChange: Sendable {
    /// Path → the new bytes.
    package var files: [String: [UInt8]] = [:]
    /// Path → the bytes at the pull request's head.
    package var originals: [String: [UInt8]] = [:]
    /// `checkId: file:line — reason`, one per fix or annotated object.
    package var changes: [String] = []
    /// What the command could not do, and why.
    package var skipped: [String] = []
    /// The exemptions an `ignore` wrote, which reviews of the pull request count (see `ExemptionApprovals`).
    package var approvedExemptions: [ApprovedExemption] = []

    package var isEmpty: Bool { files.isEmpty }

    /// `Fix 2 findings (shipshape)` and the list.
    package func commitMessage(title: String) -> String {
        ([title, ""] + changes.map { "- " + $0 }).joined(separator: "\n") + "\n"
    }
}
