/// Why a worker's lease on a job is no longer valid, from the job as it is stored now.
enum LeaseLoss {
    static func reason(for job: LeasedJob, current: JobRecord?) -> String {
        let held = "the lease of '\(job.owner)' (attempt \(job.record.attempts)) is no longer held"
        guard let current else { return "\(held): the job no longer exists" }
        switch current.state {
        case .running:
            let owner = current.leaseOwner ?? "nobody"
            return "\(held): it expired and '\(owner)' leased the job again (attempt \(current.attempts))"
        case .pending:
            return "\(held): the job was released or retried and is pending again"
        case .done, .dead, .superseded:
            return "\(held): the job is already \(current.state.rawValue)"
        }
    }
}
