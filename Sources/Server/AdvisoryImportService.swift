import Bot
import ServiceLifecycle

/// The scheduled advisory import as a service of the process: every replica keeps its own
/// database current (SQLite is per replica), and it stops on SIGTERM.
struct AdvisoryImportService: Service {
    let schedule: AdvisoryImportSchedule

    func run() async throws {
        try await cancelWhenGracefulShutdown { await schedule.run() }
    }
}
