import Diffs

/// What to review: a change from `base` to `head` (branches, refs or commit ids).
package struct ReviewRequest: Sendable {
    package var base: String
    package var head: String
    package var filter: DiffFilter.Mode
    /// The Kubernetes release to judge against, when the command line names one.
    package var kubernetesVersion: String?
    /// Exemptions the change adds that count anyway: approved by someone allowed to (see `AddedExemption`).
    package var approvedExemptions: Set<ApprovedExemption>

    package init(
        base: String, head: String, filter: DiffFilter.Mode = .added, kubernetesVersion: String? = nil,
        approvedExemptions: Set<ApprovedExemption> = []
    ) {
        self.base = base
        self.head = head
        self.filter = filter
        self.kubernetesVersion = kubernetesVersion
        self.approvedExemptions = approvedExemptions
    }
}
