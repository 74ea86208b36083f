import Foundation
import Manifests
import Testing

@testable import Policy

@Suite struct JSONWriterTests {
    /// Every character that must be escaped, at every offset within an 8-byte word and around
    /// the word boundaries, reads back as the same string.
    @Test func escapedCharactersSurviveAtEveryOffset() throws {
        let specials: [String] = ["\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}"]
        for special in specials {
            for offset in 0..<20 {
                let text =
                    String(repeating: "a", count: offset) + special + "é漢" + String(repeating: "b", count: 19 - offset)
                var json = JSONWriter()
                json.array { json in json.string(text) }
                let parsed = try JSONSerialization.jsonObject(with: Data(json.takeDocument())) as? [String]
                #expect(parsed == [text], "\(special.debugDescription) at offset \(offset)")
            }
        }
    }

    @Test func needsEscapingFindsOnlyWhatJSONEscapes() {
        func check(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { JSONBuffer.needsEscaping($0) }
        }
        #expect(!check(""))
        #expect(!check("plain ASCII text with spaces, commas: and 'single quotes'"))
        #expect(!check("ünïcödé and 漢字 are written as they are"))
        #expect(!check(String(repeating: "~", count: 33)), "0x7E is not a special byte")
        #expect(check(String(repeating: "x", count: 31) + "\u{7}"), "a control character in the tail")
        #expect(check("x\"y"))
        #expect(check(String(repeating: "z", count: 16) + "\\"))
    }

    @Test func integersAreWrittenInDecimal() throws {
        var json = JSONWriter()
        json.array { json in
            for value in [0, 7, -7, 10, 1_234_567, Int.max, Int.min] { json.int(value) }
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.takeDocument())) as? [NSNumber]
        #expect(parsed?.map(\.int64Value) == [0, 7, -7, 10, 1_234_567, Int64.max, Int64.min])
    }

    @Test func aCopiedWriterWritesOnItsOwn() throws {
        var first = JSONWriter(capacity: 64)
        first.key("a")
        var second = first
        second.string(String(repeating: "y", count: 100))
        first.string("x")
        #expect(String(decoding: first.bytes, as: UTF8.self) == "\"a\" : \"x\"")
        #expect(
            String(decoding: second.bytes, as: UTF8.self) == "\"a\" : \"" + String(repeating: "y", count: 100) + "\"")
    }

    @Test func aDocumentLargerThanTheFirstBufferIsWhole() throws {
        var json = JSONWriter(capacity: 16)
        let values = (0..<5_000).map { "value number \($0)" }
        json.array { json in for value in values { json.string(value) } }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.takeDocument())) as? [String]
        #expect(parsed == values)
    }
}

@Suite struct JSONStreamingTests {
    /// A report streamed through a small buffer arrives whole and byte for byte as `document`.
    @Test func aStreamedReportIsTheDocument() {
        let findings = (0..<300).map { index in
            Finding(
                checkID: "tagNotSpecified", severity: .danger, category: .reliability,
                file: "dir/file\(index % 7).yaml",
                position: SourcePosition(line: index + 1, column: 3), object: nil, container: "app",
                path: DocumentPath([.key("spec"), .index(index)]), message: "image \"x:\(index)\" has no tag")
        }
        let report = CheckReport(findings: findings, files: [], notes: ["a note"])
        var streamed: [UInt8] = []
        var pieces = 0
        var json = JSONWriter(bufferSize: 100) { piece in
            streamed.append(contentsOf: piece)
            pieces += 1
        }
        json.object { json in
            json.key("findings")
            json.array { json in for finding in findings { json.string(finding.message) } }
        }
        json.finish()
        var whole = JSONWriter(capacity: 16)
        whole.object { json in
            json.key("findings")
            json.array { json in for finding in findings { json.string(finding.message) } }
        }
        #expect(streamed == whole.takeDocument())
        #expect(pieces > 10, "the buffer was handed over many times")

        var reportBytes: [UInt8] = []
        JSONReport.stream(report) { reportBytes.append(contentsOf: $0) }
        #expect(reportBytes == JSONReport.document(report))
    }
}
