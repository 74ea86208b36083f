import Bot
import ServiceLifecycle

/// The scheduled advisory import as a service of the process, stopped by SIGTERM: every replica
/// keeps its own SQLite file current; with a PostgreSQL queue the replicas share one store, and a
/// firing one of them has imported is not imported again by the others.
struct AdvisoryImportService: Service {
    let schedule: AdvisoryImportSchedule

    func run() async throws {
        try await cancelWhenGracefulShutdown { await schedule.run() }
    }
}
