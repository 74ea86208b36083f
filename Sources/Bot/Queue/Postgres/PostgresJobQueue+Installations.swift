import Forge
import PostgresNIO

extension PostgresJobQueue: InstallationRegistry {
    package func remember(installation: Int, action: String, repositories: [RepositoryID]) async throws {
        let now = settings.now().queueMilliseconds
        let names = repositories.map { $0.fullName.lowercased() }
        let id = Int64(installation)
        try await perform("remember installation \(installation)") {
            try await self.client.withTransaction(logger: self.logger) { connection in
                if InstallationAction.forgetsAll(action) {
                    try await connection.query(
                        "DELETE FROM installations WHERE installation_id = \(id)", logger: self.logger)
                } else if InstallationAction.forgets(action) {
                    try await connection.query(
                        "DELETE FROM installations WHERE repository = ANY(\(names))", logger: self.logger)
                } else {
                    for name in names {
                        try await connection.query(
                            """
                            INSERT INTO installations (repository, installation_id, updated_at_ms) VALUES (\(name), \(id), \(now))
                            ON CONFLICT (repository) DO UPDATE SET installation_id = EXCLUDED.installation_id, updated_at_ms = EXCLUDED.updated_at_ms
                            """, logger: self.logger)
                    }
                }
            }
        }
    }

    package func installation(for repository: RepositoryID) async throws -> Int? {
        let name = repository.fullName.lowercased()
        return try await perform("look up the installation of \(name)") {
            let rows = try await self.client.query(
                "SELECT installation_id FROM installations WHERE repository = \(name)",
                logger: self.logger
            ).collect()
            return try rows.first.map { Int(try $0.decode(Int64.self)) }
        }
    }
}
