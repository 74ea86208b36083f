import Forge
import GRDB

extension SQLiteJobQueue: InstallationRegistry {
    package func remember(installation: Int, action: String, repositories: [RepositoryID]) async throws {
        let now = settings.now().queueMilliseconds
        let names = repositories.map { $0.fullName.lowercased() }
        try await write("remember installation \(installation)") { db in
            if InstallationAction.forgetsAll(action) {
                try db.execute(sql: "DELETE FROM installations WHERE installation_id = ?", arguments: [installation])
            } else if InstallationAction.forgets(action) {
                for name in names {
                    try db.execute(sql: "DELETE FROM installations WHERE repository = ?", arguments: [name])
                }
            } else {
                for name in names {
                    try db.execute(
                        sql: """
                            INSERT INTO installations (repository, installation_id, updated_at_ms) VALUES (?, ?, ?)
                            ON CONFLICT (repository) DO UPDATE SET installation_id = excluded.installation_id, updated_at_ms = excluded.updated_at_ms
                            """, arguments: [name, installation, now])
                }
            }
        }
    }

    package func installation(for repository: RepositoryID) async throws -> Int? {
        let name = repository.fullName.lowercased()
        return try await read("look up the installation of \(name)") { db in
            try Int.fetchOne(
                db, sql: "SELECT installation_id FROM installations WHERE repository = ?", arguments: [name])
        }
    }
}
