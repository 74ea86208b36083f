import Foundation
import Testing

/// Golden files: expected outputs kept beside the tests, compared byte for byte.
/// `RECORD_GOLDEN=1 swift test` rewrites every golden file the run reaches (and those tests
/// pass); a golden file that is missing is written and its test fails, so nothing new passes
/// unseen.
package enum GoldenFile {
    package static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        try check(bytes: Array(actual.utf8), against: url, sourceLocation: sourceLocation)
    }

    package static func check(
        bytes actual: [UInt8], against url: URL, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let exists = FileManager.default.fileExists(atPath: url.path)
        if isRecording || !exists {
            try Data(actual).write(to: url, options: .atomic)
            if !exists {
                Issue.record(
                    "recorded \(url.lastPathComponent), which was missing; run the tests again",
                    sourceLocation: sourceLocation)
            }
            return
        }
        let expected = try Data(contentsOf: url)
        #expect(
            String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
            "\(url.lastPathComponent) differs (RECORD_GOLDEN=1 swift test rewrites golden files)",
            sourceLocation: sourceLocation)
    }

    package static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil }
}
