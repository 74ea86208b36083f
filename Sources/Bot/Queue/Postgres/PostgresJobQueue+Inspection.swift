import PostgresNIO

extension PostgresJobQueue: JobInspection {
    package func jobs(in state: JobState, limit: Int, offset: Int) async throws -> [JobRecord] {
        var binds = PostgresBindings()
        binds.append(settings.now().queueMilliseconds)
        binds.append(state.rawValue)
        binds.append(Int64(limit))
        binds.append(Int64(max(0, offset)))
        return try await perform("list \(state.rawValue) jobs") {
            try await self.client.query(
                PostgresQuery(unsafeSQL: JobInspectionSQL.jobsInState, binds: binds), logger: self.logger
            ).collect().map(JobRecord.init(postgresRow:))
        }
    }

    package func retry(deadJob id: Int64) async throws -> RetryOutcome {
        var binds = PostgresBindings()
        binds.append(settings.now().queueMilliseconds)
        binds.append(id)
        return try await perform("retry", jobID: id) {
            try await self.client.withTransaction(logger: self.logger) { connection -> RetryOutcome in
                let retried = try await connection.query(
                    PostgresQuery(unsafeSQL: JobInspectionSQL.retry, binds: binds), logger: self.logger
                ).collect()
                if !retried.isEmpty { return .retried }
                var dead = PostgresBindings()
                dead.append(id)
                let count = try await connection.query(
                    PostgresQuery(unsafeSQL: JobInspectionSQL.isDead, binds: dead), logger: self.logger
                ).collect().first?.decode(Int64.self)
                return (count ?? 0) > 0 ? .alreadyWaiting : .notDead
            }
        }
    }
}
