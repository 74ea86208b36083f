import Archives
import Foundation
import ShipshapeTesting
import Testing

/// Archives made by GNU tar itself, in each of its formats, read back in process.
@Suite struct TarReaderTests {
    let scratch = FileManager.default.temporaryDirectory.appending(path: "shipshape-tar-\(UUID().uuidString)")
    static let longFolder = String(repeating: "folder-name-", count: 7)
    static let longName = String(repeating: "a-long-file-name-", count: 8) + ".yaml"

    init() throws {
        let folder = scratch.appending(path: "chart/templates/\(Self.longFolder)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("apiVersion: v2\nname: chart\nversion: 1.0.0\n".utf8).write(
            to: scratch.appending(path: "chart/Chart.yaml"))
        try Data("kind: ConfigMap\n".utf8).write(to: folder.appending(path: Self.longName))
        try Data("kind: Service\n".utf8).write(to: folder.appending(path: "short.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: scratch.appending(path: "chart/link").path, withDestinationPath: "/etc/passwd")
    }

    /// Packs the chart folder; tar leaves out (exit status 2) the names a format cannot hold.
    func pack(_ arguments: [String]) throws -> [UInt8] {
        let result = try ProcessRunner.tool("tar", arguments + ["-cf", "out.tar", "chart"], in: scratch)
        #expect(result.status == 0 || result.status == 2)
        return try Array(Data(contentsOf: scratch.appending(path: "out.tar")))
    }

    @Test(arguments: ["gnu", "pax", "ustar", "v7"])
    func everyFormatReadsBack(format: String) throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let entries = try TarReader.entries(of: pack(["--format=\(format)"]))
        let longPath = "chart/templates/\(Self.longFolder)/\(Self.longName)"
        let prefixed = "chart/templates/\(Self.longFolder)/short.yaml"
        let files = entries.filter { $0.kind == .file }
        switch format {
        case "v7": #expect(files.map(\.name) == ["chart/Chart.yaml"], "v7 holds no name past 100 bytes")
        case "ustar":
            #expect(
                Set(files.map(\.name)) == ["chart/Chart.yaml", prefixed], "ustar splits a path into prefix and name")
        default: #expect(Set(files.map(\.name)) == ["chart/Chart.yaml", prefixed, longPath])
        }
        if format != "v7" {
            #expect(files.first { $0.name == prefixed }.map { Array($0.contents) } == Array("kind: Service\n".utf8))
        }
        let link = try #require(entries.first { $0.name == "chart/link" })
        #expect(link.kind == .symbolicLink && link.linkName == "/etc/passwd" && link.contents.isEmpty)
    }

    @Test func aTruncatedArchiveIsAnErrorNotARead() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let whole = try pack(["--format=gnu"])
        let headerAndPart = Array(whole.prefix(512 + 10))
        #expect(throws: ArchiveError.self) { try TarReader.entries(of: headerAndPart) }
        #expect(throws: ArchiveError.self) { try TarReader.entries(of: Array(whole.prefix(300))) }
    }

    @Test func aDamagedHeaderIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        var bytes = try pack(["--format=gnu"])
        bytes[3] ^= 0x20
        #expect { try TarReader.entries(of: bytes) } throws: { error in
            (error as? ArchiveError)?.reason.contains("checksum does not match at byte 0") == true
        }
    }

    /// GNU's base-256 size field (for members of 8 GiB and more), here rewritten on a small
    /// member, and one that claims more than the archive holds.
    @Test func baseTwoFiftySixSizes() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        var bytes = try pack(["--format=gnu"])
        let chart = try #require(TarReader.entries(of: bytes).first { $0.name == "chart/Chart.yaml" })
        let headerStart = try #require(Self.headerOffset(of: "chart/Chart.yaml", in: bytes))
        Self.setSize(chart.contents.count, base256: true, header: headerStart, in: &bytes)
        #expect(try TarReader.entries(of: bytes).first { $0.name == "chart/Chart.yaml" }?.contents == chart.contents)
        Self.setSize(1 << 40, base256: true, header: headerStart, in: &bytes)
        #expect { try TarReader.entries(of: bytes) } throws: { error in
            (error as? ArchiveError)?.reason.contains("more than the archive holds") == true
        }
    }

    static func headerOffset(of name: String, in bytes: [UInt8]) -> Int? {
        stride(from: 0, to: bytes.count - 512, by: 512).first { offset in
            bytes[offset..<(offset + name.utf8.count)].elementsEqual(name.utf8) && bytes[offset + name.utf8.count] == 0
        }
    }

    static func setSize(_ size: Int, base256: Bool, header: Int, in bytes: inout [UInt8]) {
        var field = [UInt8](repeating: 0, count: 12)
        field[0] = 0x80
        for index in 0..<8 { field[11 - index] = UInt8((size >> (8 * index)) & 0xff) }
        bytes.replaceSubrange((header + 124)..<(header + 136), with: field)
        bytes.replaceSubrange((header + 148)..<(header + 156), with: Array(repeating: UInt8(ascii: " "), count: 8))
        let sum = bytes[header..<(header + 512)].reduce(0) { $0 + Int($1) }
        let digits = Array(String(sum, radix: 8).utf8)
        let checksum = Array(repeating: UInt8(ascii: "0"), count: 6 - digits.count) + digits + [0, UInt8(ascii: " ")]
        bytes.replaceSubrange((header + 148)..<(header + 156), with: checksum)
    }
}
