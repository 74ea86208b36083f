import Bot
import ServiceLifecycle

/// The process's workers as one service: SIGTERM stops them all at once (each lets its running
/// job finish or gives it back), so shutdown takes one grace period, not one per worker.
struct WorkerService: Service {
    let workers: [Worker]

    func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                for worker in workers { group.addTask { await worker.run() } }
            }
        } onGracefulShutdown: {
            for worker in workers { worker.stop() }
        }
    }
}
