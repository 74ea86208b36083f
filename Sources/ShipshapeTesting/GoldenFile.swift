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
        let expected = [UInt8](try Data(contentsOf: url))
        guard actual != expected else { return }
        let (actualText, expectedText) = (
            String(decoding: actual, as: UTF8.self), String(decoding: expected, as: UTF8.self)
        )
        guard actualText == expectedText else {
            // As text, so the failure shows the lines that differ.
            #expect(
                actualText == expectedText,
                "\(url.lastPathComponent) differs (RECORD_GOLDEN=1 swift test rewrites golden files)",
                sourceLocation: sourceLocation)
            return
        }
        // Decoded, bytes that are not UTF-8 all read as U+FFFD: the text alone cannot tell them apart.
        let first = (0..<min(actual.count, expected.count)).first { actual[$0] != expected[$0] } ?? 0
        Issue.record(
            "\(url.lastPathComponent) differs at byte \(first), which is not UTF-8 (RECORD_GOLDEN=1 swift test rewrites golden files)",
            sourceLocation: sourceLocation)
    }

    package static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil }
}
