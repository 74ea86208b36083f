import FileNames
import Foundation
import Manifests
import Testing

/// Every file is listed and read whatever its name's bytes; a folder that cannot be listed is
/// reported and the walk goes on; FIFOs, devices and oversized files are refused without being read.
@Suite struct ManifestWalkerTests {
    /// A scratch folder where files are made by their names' bytes.
    final class Scratch {
        let root: String
        init() throws {
            root = FileManager.default.temporaryDirectory.appending(path: "walker-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }
        /// `rm` walks by descriptors, so it also removes paths longer than PATH_MAX (Foundation does not).
        deinit {
            let remove = Process()
            remove.executableURL = URL(fileURLWithPath: "/bin/rm")
            remove.arguments = ["-rf", root]
            try? remove.run()
            remove.waitUntilExit()
        }

        /// `name` holds the path's bytes under the root (see `FileName`).
        func write(_ text: String, to name: String) throws {
            let path = root + "/" + name
            let descriptor = FileName.withCString(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
            guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
            _ = Array(text.utf8).withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }

        func folder(_ name: String) throws {
            guard FileName.withCString(root + "/" + name, { mkdir($0, 0o755) }) == 0 else {
                throw CocoaError(.fileWriteUnknown)
            }
        }
    }

    static let latin1Folder = FileName.string(fromBytes: Array("caf".utf8) + [0xE9])
    static let latin1File = FileName.string(fromBytes: Array("d".utf8) + [0xE9, 0xFF] + Array("ploy.yaml".utf8))

    @Test func namesThatAreNotUTF8AreListedAndRead() throws {
        let scratch = try Scratch()
        try scratch.folder(Self.latin1Folder)
        try scratch.write("kind: A\n", to: Self.latin1Folder + "/" + Self.latin1File)
        try scratch.write("kind: B\n", to: "plain.yaml")
        let listing = try ManifestWalker.list([scratch.root])
        #expect(listing.unreadable.isEmpty && listing.skipped.isEmpty)
        #expect(
            listing.files == [
                scratch.root + "/plain.yaml", scratch.root + "/" + Self.latin1Folder + "/" + Self.latin1File,
            ])
        let bytes = try FileContents.read(try #require(listing.files.last))
        #expect(bytes == Array("kind: A\n".utf8))
        #expect(FileName.escaped(listing.files.last!).hasSuffix("/caf\\xe9/d\\xe9\\xffploy.yaml"))
    }

    @Test func aFolderThatCannotBeListedIsReportedAndTheWalkGoesOn() throws {
        // A folder whose path is longer than the system takes (PATH_MAX) cannot be opened, even by root.
        let scratch = try Scratch()
        try scratch.write("kind: A\n", to: "a.yaml")
        try scratch.folder("deep")
        var relative = "deep"
        let longName = String(repeating: "x", count: 250)
        while (scratch.root + "/" + relative).utf8.count < 4_200 {
            let parent = FileName.withCString(scratch.root + "/" + relative) { open($0, O_RDONLY | O_DIRECTORY) }
            #expect(parent >= 0)
            #expect(mkdirat(parent, longName, 0o755) == 0)
            close(parent)
            relative += "/" + longName
            if (scratch.root + "/" + relative).utf8.count >= 4_096 { break }
        }
        try scratch.write("kind: Z\n", to: "z.yaml")
        let listing = try ManifestWalker.list([scratch.root])
        #expect(listing.files == [scratch.root + "/a.yaml", scratch.root + "/z.yaml"])
        let failure = try #require(listing.unreadable.first)
        #expect(listing.unreadable.count == 1)
        #expect(failure.reason.contains("cannot list the folder"))
        #expect(failure.reason.contains("its files were not checked"))
    }

    @Test func aFIFOOrDeviceNamedOnTheCommandLineIsSkippedAndNeverOpenedForReading() throws {
        let scratch = try Scratch()
        let fifo = scratch.root + "/pipe.yaml"
        #expect(mkfifo(fifo, 0o644) == 0)
        try scratch.write("kind: A\n", to: "a.yaml")
        let listing = try ManifestWalker.list([fifo, "/dev/zero", scratch.root])
        #expect(listing.files == [scratch.root + "/a.yaml"], "a FIFO inside a folder is not listed either")
        #expect(listing.skipped.map(\.path) == [fifo, "/dev/zero"])
        #expect(
            listing.skipped.map(\.reason) == [
                "is a FIFO, not a regular file: skipped", "is a character device, not a regular file: skipped",
            ])
        // Read directly, they are refused at once: no wait for a writer, no endless zeros.
        #expect(throws: FileContents.Failure.self) { try FileContents.read(fifo) }
        do { _ = try FileContents.read("/dev/zero") } catch {
            #expect(error.reason == "is a character device, not a regular file: not read")
        }
    }

    @Test func aFileOverTheLimitIsRefusedWithItsSize() throws {
        let scratch = try Scratch()
        let path = scratch.root + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        // Sparse: the size without the disk space.
        #expect(truncate(path, off_t(FileContents.maximumBytes + 1)) == 0)
        do {
            _ = try FileContents.read(path)
            Issue.record("a file over the limit was read")
        } catch {
            #expect(error.reason == "is 67108865 bytes, over the limit of 67108864 bytes: not read")
        }
    }
}
