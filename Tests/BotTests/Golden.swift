import Foundation
import Testing

/// Golden files in Tests/BotTests/Golden; `RECORD_GOLDEN=1` rewrites them.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden")

    static func check(_ text: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appending(path: name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "Golden/\(name) differs (RECORD_GOLDEN=1 to refresh)", sourceLocation: sourceLocation)
    }
}
