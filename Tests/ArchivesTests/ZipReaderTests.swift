import Archives
import Foundation
import ShipshapeTesting
import Testing

/// Zip archives written by Python's zipfile (stored, deflated, Zip64), read in process.
@Suite struct ZipReaderTests {
    /// `script` gets `z`, an open ZipFile writing `out.zip`.
    func zip(_ script: String) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let program =
            "import zipfile\nwith zipfile.ZipFile('out.zip', 'w') as z:\n"
            + script.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        let result = try ProcessRunner.tool("python3", ["-c", program], in: folder)
        try #require(result.status == 0, "\(result.output)")
        return try Array(Data(contentsOf: folder.appending(path: "out.zip")))
    }

    @Test func readsStoredAndDeflatedEntries() throws {
        let archive = try zip(
            """
            z.writestr('a.json', '{"id": "A"}', compress_type=zipfile.ZIP_STORED)
            z.writestr('b.json', '{"id": "B"}' * 1000, compress_type=zipfile.ZIP_DEFLATED)
            """)
        let reader = try ZipReader(archive)
        #expect(reader.entries.map(\.name) == ["a.json", "b.json"])
        #expect(try reader.contents(of: reader.entries[0], limit: 1 << 20) == Array(#"{"id": "A"}"#.utf8))
        #expect(try reader.contents(of: reader.entries[1], limit: 1 << 20).count == 11_000)
    }

    @Test func readsZip64Entries() throws {
        let archive = try zip(
            """
            with z.open('big.json', 'w', force_zip64=True) as f:
                f.write(b'x' * 5000)
            """)
        let reader = try ZipReader(archive)
        #expect(try reader.contents(of: reader.entries[0], limit: 1 << 20).count == 5000)
    }

    /// More than 65,535 entries: the count is only in the Zip64 end record.
    @Test func readsMoreEntriesThanTheClassicEndRecordCounts() throws {
        let archive = try zip("for i in range(70000): z.writestr(f'{i}.json', '{}', compress_type=zipfile.ZIP_STORED)")
        #expect(try ZipReader(archive).entries.count == 70_000)
    }

    @Test func bombsTruncationAndForeignDataAreErrors() throws {
        let archive = try zip("z.writestr('zeros', b'\\0' * (32 << 20), compress_type=zipfile.ZIP_DEFLATED)")
        let reader = try ZipReader(archive)
        #expect { try reader.contents(of: reader.entries[0], limit: 1 << 20) } throws: {
            ($0 as? ArchiveError)?.isOverLimit == true
        }
        #expect(throws: ArchiveError.self) { try ZipReader(Array(archive.prefix(archive.count - 30))) }
        #expect(throws: ArchiveError.self) { try ZipReader(Array("not a zip".utf8)) }
    }
}
