import Foundation
import ShipshapeTesting
import Testing

@testable import Vulnerabilities

/// An unpacked root filesystem on disk, read as an image's layers are.
struct DirectoryRootTests {
    @Test func readsDatabasesThroughLinksAndExecutableGoBinaries() throws {
        let scratch = try Scratch("root")
        defer { scratch.remove() }
        try scratch.write("usr/lib/os-release", text: ImageFolders.alpineRelease)
        try FileManager.default.createDirectory(
            at: scratch.url.appending(path: "etc"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appending(path: "etc/os-release").path, withDestinationPath: "../usr/lib/os-release")
        try scratch.write("lib/apk/db/installed", text: ApkSample.installed)
        try scratch.write("var/lib/dpkg/status.d/tzdata", text: "Package: tzdata\nVersion: 2024a-0+deb12u1\n")
        try scratch.write("home/notes.txt", text: "not a database")
        if GoFixture.isAvailable {
            let binary = try scratch.write("usr/local/bin/hello", try GoFixture.binary.get())
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
            // The same bytes without the executable bit are not looked into.
            try scratch.write("srv/hello.copy", try GoFixture.binary.get())
        }
        let root = try DirectoryRoot.read(scratch.url)
        #expect(root.files["home/notes.txt"] == .other)
        let inventory = PackageInventory(root: root)
        #expect(inventory.distribution?.osvEcosystem == "Alpine:v3.20")
        #expect(inventory.packages.filter { $0.kind == .alpine }.map(\.name) == ["busybox", "libcrypto3"])
        #expect(inventory.packages.filter { $0.kind == .debian }.map(\.name) == ["tzdata"])
        if GoFixture.isAvailable {
            #expect(Set(inventory.packages.filter { $0.kind == .goModule }.map(\.foundIn)) == ["usr/local/bin/hello"])
        }
    }

    @Test func linksResolveRelativeAbsoluteAndNeverLoop() {
        let root = RootFiles(files: [
            "var/lib/rpm": .symbolicLink("../../usr/lib/sysimage/rpm"),
            "usr/lib/sysimage/rpm/rpmdb.sqlite": .bytes([1, 2, 3]),
            "etc/os-release": .symbolicLink("/usr/lib/os-release"),
            "usr/lib/os-release": .bytes(Array("ID=debian\n".utf8)),
            "loop/a": .symbolicLink("b"), "loop/b": .symbolicLink("a"),
        ])
        #expect(root.bytes(at: "var/lib/rpm/rpmdb.sqlite") == [1, 2, 3])
        #expect(root.bytes(at: "etc/os-release") == Array("ID=debian\n".utf8))
        #expect(root.content(at: "loop/a") == nil)
    }
}
