import Foundation
import ShipshapeTesting
import Testing

/// The bot's golden files, in Tests/BotTests/Golden (see `GoldenFile`).
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")

    static func check(_ text: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFile.check(text, against: folder.appending(path: name), sourceLocation: sourceLocation)
    }
}
