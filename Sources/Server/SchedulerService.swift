import Bot
import ServiceLifecycle

/// The scheduler as a service of the process: runs while this replica leads, stops on SIGTERM.
struct SchedulerService: Service {
    let scheduler: Scheduler
    let leadership: any LeaderElection

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            await leadership.lead { await scheduler.run() }
        }
    }
}
