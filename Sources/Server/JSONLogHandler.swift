import Foundation
import HelmKit
import Logging

/// One JSON object per line on standard error, for log shippers (Loki, Elasticsearch, Cloud
/// Logging): `time`, `level`, `label`, `message`, then every metadata field by name.
package struct JSONLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (String) -> Void

    package init(
        label: String, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.label = label
        self.write = write
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:]) { _, new in new }
        var line = "{\"time\":\(JSONText.quoted(Self.timestamp()))"
        line +=
            ",\"level\":\(JSONText.quoted(event.level.rawValue)),\"label\":\(JSONText.quoted(label)),\"message\":\(JSONText.quoted(event.message.description))"
        if let error = event.error { line += ",\"error\":\(JSONText.quoted("\(error)"))" }
        for (key, value) in fields.sorted(by: { $0.key < $1.key })
        where !["time", "level", "label", "message", "error"].contains(key) {
            line += ",\(JSONText.quoted(key)):\(Self.json(value))"
        }
        write(line + "}\n")
    }

    private static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): JSONText.quoted(text)
        case .stringConvertible(let convertible): JSONText.quoted(convertible.description)
        case .array(let items): "[" + items.map(json).joined(separator: ",") + "]"
        case .dictionary(let entries):
            "{"
                + entries.sorted { $0.key < $1.key }.map { "\(JSONText.quoted($0.key)):\(json($0.value))" }.joined(
                    separator: ",") + "}"
        }
    }

    private static func timestamp() -> String {
        Date().formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

/// How `serve` writes its log: `text` for people, `json` for log shippers.
package enum LogFormat: String, Sendable, CaseIterable {
    case text, json

    /// Installs the format process-wide; call once, before the first logger is made.
    package func bootstrap(level: Logger.Level = .info) {
        switch self {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
