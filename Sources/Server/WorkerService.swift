import Bot
import ServiceLifecycle

/// A worker as a service of the process: SIGTERM stops it taking jobs and lets the running one
/// finish (or gives it back to the queue).
struct WorkerService: Service {
    let worker: Worker

    func run() async throws {
        await withGracefulShutdownHandler {
            await worker.run()
        } onGracefulShutdown: {
            worker.stop()
        }
    }
}
