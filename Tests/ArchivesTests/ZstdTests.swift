import Archives
import Foundation
import ShipshapeTesting
import Testing

/// zstd data made by the `zstd` tool (as zstd image layers are), decompressed in process.
@Suite struct ZstdTests {
    func zstd(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-zstd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(bytes).write(to: folder.appending(path: "data"))
        #expect(try ProcessRunner.tool("zstd", ["-q", "-19", "data"], in: folder).status == 0)
        return try Array(Data(contentsOf: folder.appending(path: "data.zst")))
    }

    @Test func decompressesWhatZstdWrote() throws {
        let text = Array((0..<50_000).map { "line \($0)\n" }.joined().utf8)
        #expect(try Zstd.decompress(zstd(text), limit: 10 << 20) == text)
        #expect(
            try Zstd.decompress(zstd(Array("one\n".utf8)) + zstd(Array("two\n".utf8)), limit: 1 << 20)
                == Array("one\ntwo\n".utf8))
    }

    @Test func aBombIsRefusedAtTheLimit() throws {
        let bomb = try zstd([UInt8](repeating: 0, count: 64 << 20))
        #expect(bomb.count < 1 << 20)
        #expect { try Zstd.decompress(bomb, limit: 1 << 20) } throws: { error in
            (error as? ArchiveError)?.isOverLimit == true
        }
    }

    @Test func truncatedAndForeignDataAreErrors() throws {
        let whole = try zstd(Array((0..<20_000).map { "entry \($0)\n" }.joined().utf8))
        #expect { try Zstd.decompress(Array(whole.prefix(whole.count / 2)), limit: 1 << 20) } throws: { error in
            (error as? ArchiveError)?.reason.contains("truncated") == true
        }
        #expect { try Zstd.decompress(Array("not zstd at all".utf8), limit: 1 << 20) } throws: { error in
            (error as? ArchiveError)?.reason.contains("not valid zstd") == true
        }
    }
}
