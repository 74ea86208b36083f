import Archives
import Foundation
import ShipshapeTesting
import Testing

/// gzip data made by the `gzip` tool, inflated in process.
@Suite struct GzipTests {
    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(bytes).write(to: folder.appending(path: "data"))
        #expect(try ProcessRunner.tool("gzip", ["-9", "data"], in: folder).status == 0)
        return try Array(Data(contentsOf: folder.appending(path: "data.gz")))
    }

    @Test func inflatesWhatGzipWrote() throws {
        let text = Array((0..<50_000).map { "line \($0)\n" }.joined().utf8)
        #expect(try Gzip.inflate(gzip(text), limit: 10 << 20) == text)
    }

    @Test func concatenatedMembersAreOneStream() throws {
        #expect(
            try Gzip.inflate(gzip(Array("one\n".utf8)) + gzip(Array("two\n".utf8)), limit: 1 << 20)
                == Array("one\ntwo\n".utf8))
    }

    /// 64 MiB of zeros packs to about 64 KB; with a 1 MiB limit it is refused as it inflates.
    @Test func aBombIsRefusedAtTheLimit() throws {
        let bomb = try gzip([UInt8](repeating: 0, count: 64 << 20))
        #expect(bomb.count < 1 << 20)
        #expect { try Gzip.inflate(bomb, limit: 1 << 20) } throws: { error in
            (error as? ArchiveError)?.isOverLimit == true
        }
    }

    @Test func truncatedAndForeignDataAreErrors() throws {
        let whole = try gzip(Array(String(repeating: "kind: ConfigMap\n", count: 1_000).utf8))
        #expect { try Gzip.inflate(Array(whole.prefix(whole.count / 2)), limit: 1 << 20) } throws: { error in
            (error as? ArchiveError)?.reason.contains("truncated") == true
        }
        #expect { try Gzip.inflate(Array("apiVersion: v1\n".utf8), limit: 1 << 20) } throws: { error in
            (error as? ArchiveError)?.reason.contains("not valid gzip data") == true
        }
        #expect(throws: ArchiveError.self) { try Gzip.inflate([], limit: 1 << 20) }
    }
}
