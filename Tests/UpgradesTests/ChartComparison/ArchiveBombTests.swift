import Foundation
import ShipshapeTesting
import Testing

@testable import Upgrades

/// A small archive that unpacks to more than Helm's 100 MiB is refused before tar writes anything.
@Suite struct ArchiveBombTests {
    @Test func anArchiveThatUnpacksPastTheLimitIsRefusedUnwritten() throws {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "shipshape-bomb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(
            at: scratch.appending(path: "bomb/templates"), withIntermediateDirectories: true)
        try Data("apiVersion: v2\nname: bomb\nversion: 1.0.0\n".utf8).write(
            to: scratch.appending(path: "bomb/Chart.yaml"))
        // 101 MiB of zeros: a sparse file, packed to about 100 KB.
        let big = scratch.appending(path: "bomb/templates/zeros.yaml")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 101 << 20)
        try handle.close()
        let packed = try ProcessRunner.tool("tar", ["-czf", "bomb.tgz", "bomb"], in: scratch)
        #expect(packed.status == 0)
        let archive = try Data(contentsOf: scratch.appending(path: "bomb.tgz"))
        #expect(archive.count < 1 << 20)
        let destination = scratch.appending(path: "out")
        #expect {
            _ = try ChartArchiveUnpacker.unpack(archive, into: destination)
        } throws: { error in
            (error as? ChartArchiveError)?.reason == "the archive unpacks to more than 100 MiB; refused"
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: destination.path)) ?? [] == [])
    }
}
