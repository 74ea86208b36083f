import Foundation
import Logging
import Server
import Synchronization
import Testing

/// `serve --log-format json`: one JSON object per line, metadata as fields.
@Suite struct JSONLogHandlerTests {
    @Test func eachRecordIsOneLineOfJSONWithItsMetadata() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "shipshape.worker") { label in
            JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "worker"] = "host-1-0"

        logger.error(
            "job failed for good: \"quoted\"\nsecond line\u{1}",
            metadata: ["job": "12", "kind": "review", "pr": .stringConvertible(12)])
        logger.debug("below the level")

        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(line.hasSuffix("}\n") && line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "error")
        #expect(object["label"] as? String == "shipshape.worker")
        #expect(object["message"] as? String == "job failed for good: \"quoted\"\nsecond line\u{1}")
        #expect(object["job"] as? String == "12")
        #expect(object["pr"] as? String == "12")
        #expect(object["worker"] as? String == "host-1-0")
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
    }
}
