import Diffs

/// What to review: a change from `base` to `head` (branches, refs or commit ids).
public struct ReviewRequest: Sendable {
    public var base: String
    public var head: String
    public var filter: DiffFilter.Mode
    /// The Kubernetes release to judge against, when the command line names one.
    public var kubernetesVersion: String?
    /// Exemptions the change adds that count anyway: approved by someone allowed to (see `AddedExemption`).
    public var approvedExemptions: Set<ApprovedExemption>

    public init(
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
