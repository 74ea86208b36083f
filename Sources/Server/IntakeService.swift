import Bot
import ServiceLifecycle

/// Runs a service on `IntakeExecutor`'s threads: every task it starts (Hummingbird starts one per
/// connection) and every actor it calls that has no executor of its own run there.
struct IntakeService<Wrapped: Service>: Service {
    let wrapped: Wrapped

    func run() async throws {
        try await withTaskExecutorPreference(IntakeExecutor.shared) { try await wrapped.run() }
    }
}
