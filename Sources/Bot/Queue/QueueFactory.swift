import Foundation

/// Opens the queue the configuration names (PostgreSQL: connected and migrated on return).
package enum QueueFactory {
    package static func open(_ store: BotConfiguration.QueueStore) async throws -> any BotDatabase {
        switch store {
        case .sqlite(let path): try SQLiteJobQueue(path: path)
        case .postgres(let url): try await PostgresJobQueue(url: url)
        }
    }
}
