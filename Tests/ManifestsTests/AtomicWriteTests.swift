import Foundation
import Testing

@testable import Manifests

/// `FileContents.write` replaces a file whole or not at all, keeps its permissions, writes
/// through symbolic links and refuses read-only files.
@Suite struct AtomicWriteTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theNewContentsReplaceTheOldWithTheSamePermissionsAndNothingLeftBeside() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "app.yaml")
        try Data("old\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        try FileContents.write(Array("new\n".utf8), to: file.path)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect((try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["app.yaml"])
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsWritten() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appending(path: "real.yaml")
        let link = folder.appending(path: "link.yaml")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.yaml")
        try FileContents.write(Array("new\n".utf8), to: link.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.yaml")
        #expect(try String(contentsOf: target, encoding: .utf8) == "new\n")
    }

    @Test func aReadOnlyFileIsRefusedByNameAndLeftAsItWas() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "locked.yaml")
        try Data("old\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        #expect {
            try FileContents.write(Array("new\n".utf8), to: file.path)
        } throws: { error in
            (error as? FileContents.Failure)?.reason == "is read-only; not changed"
                && (error as? FileContents.Failure)?.path == file.path
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "old\n")
    }
}
