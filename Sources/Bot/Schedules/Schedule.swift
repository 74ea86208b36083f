import Forge
import Foundation

/// A job kind run on a cron schedule over a set of repositories, in a time zone.
public struct Schedule: Sendable {
    public var name: String
    public var kind: JobKind
    public var cron: CronExpression
    public var timeZone: TimeZone
    /// `forge:owner/name`.
    public var repositories: [(forge: ForgeKind, repository: RepositoryID)]

    public init(
        name: String, kind: JobKind, cron: CronExpression, timeZone: TimeZone,
        repositories: [(forge: ForgeKind, repository: RepositoryID)]
    ) {
        self.name = name
        self.kind = kind
        self.cron = cron
        self.timeZone = timeZone
        self.repositories = repositories
    }

    /// The jobs of one firing. Their delivery ids name the schedule and the minute it fired, so
    /// the same firing stored twice (two replicas, a restart) is one set of jobs.
    public func jobs(firedAt: Date) -> [NewJob] {
        let minute = ISO8601DateFormatter().string(from: firedAt)
        return repositories.map { target in
            let payload = JobPayload(
                forge: target.forge, repository: target.repository,
                work: kind == .upgrade ? .upgrade : .scan(headSHA: nil, ref: nil))
            return NewJob(
                kind: kind, payload: payload.encoded(), pullRequestKey: nil,
                deliveryID: "schedule:\(name):\(target.forge.rawValue):\(target.repository.fullName):\(minute)")
        }
    }
}
