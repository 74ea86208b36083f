import GRDB

extension SQLiteJobQueue: JobInspection {
    package func jobs(in state: JobState, limit: Int, offset: Int) async throws -> [JobRecord] {
        let now = settings.now().queueMilliseconds
        return try await read("list \(state.rawValue) jobs") { db in
            try Row.fetchAll(
                db, sql: JobInspectionSQL.jobsInState, arguments: [now, state.rawValue, limit, max(0, offset)]
            ).map(JobRecord.init(sqliteRow:))
        }
    }

    package func retry(deadJob id: Int64) async throws -> RetryOutcome {
        let now = settings.now().queueMilliseconds
        return try await write("retry", jobID: id) { db in
            if try Int64.fetchOne(db, sql: JobInspectionSQL.retry, arguments: [now, id]) != nil { return .retried }
            let dead = try Int.fetchOne(db, sql: JobInspectionSQL.isDead, arguments: [id]) ?? 0
            return dead > 0 ? .alreadyWaiting : .notDead
        }
    }
}
