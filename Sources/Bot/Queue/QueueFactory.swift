import Foundation

/// Opens the queue the configuration names.
public enum QueueFactory {
    public static func open(_ store: BotConfiguration.QueueStore) throws -> any JobQueue {
        switch store {
        case .sqlite(let path): try SQLiteJobQueue(path: path)
        case .postgres(let url): try PostgresJobQueue(url: url)
        }
    }
}
