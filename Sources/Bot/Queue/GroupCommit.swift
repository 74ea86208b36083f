/// Group commit: enqueues that arrive while a write is on its way are stored together in the next
/// transaction, so a burst of deliveries pays for one disk sync instead of one each. Every caller
/// still returns only after the transaction holding its job has committed.
actor GroupCommit {
    typealias Write = @Sendable ([NewJob]) async throws -> [EnqueueOutcome]

    private var waiting: [(job: NewJob, continuation: CheckedContinuation<EnqueueOutcome, any Error>)] = []
    private var writing = false

    /// `write` stores a batch in one transaction; every caller passes the same one.
    func enqueue(_ job: NewJob, write: @escaping Write) async throws -> EnqueueOutcome {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append((job, continuation))
            if !writing {
                writing = true
                Task { await drain(write) }
            }
        }
    }

    private func drain(_ write: Write) async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting.removeAll()
            do {
                let outcomes = try await write(batch.map(\.job))
                for (entry, outcome) in zip(batch, outcomes) { entry.continuation.resume(returning: outcome) }
            } catch {
                for entry in batch { entry.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }
}
