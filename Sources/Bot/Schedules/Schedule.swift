import Forge
import Foundation

/// A job kind run on a cron schedule over a set of repositories, in a time zone.
package struct Schedule: Sendable {
    package var name: String
    package var kind: JobKind
    package var cron: CronExpression
    package var timeZone: TimeZone
    /// `forge:owner/name`.
    package var repositories: [(forge: ForgeKind, repository: RepositoryID)]

    package init(
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
    package func jobs(firedAt: Date) -> [NewJob] {
        let minute = ISO8601DateFormatter().string(from: firedAt)
        return repositories.map { target in
            let work: JobPayload.Work =
                switch kind {
                case .upgrade: .upgrade
                case .scanImages: .scanImages
                case .review, .command, .scan: .scan(headSHA: nil, ref: nil)
                }
            let payload = JobPayload(forge: target.forge, repository: target.repository, work: work)
            return NewJob(
                kind: kind, payload: payload.encoded(), pullRequestKey: nil,
                deliveryID: "schedule:\(name):\(target.forge.rawValue):\(target.repository.fullName):\(minute)")
        }
    }
}
