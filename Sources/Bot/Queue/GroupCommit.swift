/// Group commit: enqueues that arrive while a write is on its way are stored together in the next
/// transaction, so a burst of deliveries pays for one disk sync instead of one each. Every caller
/// still returns only after the transaction holding its job has committed.
///
/// The writing is done by the callers themselves, one at a time, never by a task of its own: it
/// runs where the callers run (`IntakeExecutor`'s threads), not on Swift's shared pool.
actor GroupCommit {
    typealias Write = @Sendable ([NewJob]) async throws -> [EnqueueOutcome]

    /// What a waiting caller is woken with.
    private enum Turn {
        case written(EnqueueOutcome)
        /// The previous writer is done: this caller writes the next batch.
        case write
    }

    private var waiting: [(job: NewJob, turn: CheckedContinuation<Turn, any Error>)] = []
    private var writing = false

    /// Callers waiting for the write on its way to finish.
    var waitingCount: Int { waiting.count }

    /// `write` stores a batch in one transaction; every caller passes the same one.
    func enqueue(_ job: NewJob, write: Write) async throws -> EnqueueOutcome {
        if writing {
            let turn = try await withCheckedThrowingContinuation { waiting.append((job, $0)) }
            if case .written(let outcome) = turn { return outcome }
        }
        writing = true
        let batch = waiting
        waiting.removeAll()
        defer { handOver() }
        do {
            let outcomes = try await write([job] + batch.map(\.job))
            precondition(outcomes.count == batch.count + 1, "a group commit's write returns one outcome per job")
            for (entry, outcome) in zip(batch, outcomes.dropFirst()) { entry.turn.resume(returning: .written(outcome)) }
            return outcomes[0]
        } catch {
            for entry in batch { entry.turn.resume(throwing: error) }
            throw error
        }
    }

    /// The next waiting caller writes what has gathered meanwhile; with none, writing stops.
    private func handOver() {
        if waiting.isEmpty {
            writing = false
        } else {
            waiting.removeFirst().turn.resume(returning: .write)
        }
    }
}
