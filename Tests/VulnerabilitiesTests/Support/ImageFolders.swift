import Foundation
import ShipshapeTesting

/// Layer folders for the image tests: a Debian base holding this machine's real dpkg status
/// file, an Alpine base, and upper layers with whiteouts, opaque folders and a Go binary.
enum ImageFolders {
    static let debianRelease =
        "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n"
    static let alpineRelease =
        "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n"

    /// Debian 12 with this machine's `/var/lib/dpkg/status`, an apk database and a distroless
    /// stanza an upper layer removes, and `etc/os-release` as a link, as Debian ships it.
    static func debianBase(in scratch: Scratch, compression: LayerArchive.Compression = .gzip) throws -> LayerArchive {
        let folder = "debian-base-\(UUID().uuidString)"
        try scratch.write("\(folder)/usr/lib/os-release", text: debianRelease)
        try FileManager.default.createDirectory(
            at: scratch.url.appending(path: "\(folder)/etc"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appending(path: "\(folder)/etc/os-release").path,
            withDestinationPath: "../usr/lib/os-release")
        try scratch.write(
            "\(folder)/var/lib/dpkg/status", Data(contentsOf: URL(fileURLWithPath: "/var/lib/dpkg/status")))
        try scratch.write("\(folder)/var/lib/dpkg/status.d/oldpkg", text: "Package: oldpkg\nVersion: 1.0\n")
        try scratch.write("\(folder)/lib/apk/db/installed", text: "P:stray\nV:1.0-r0\n\n")
        return try LayerArchive(folder: scratch.url.appending(path: folder), compression: compression)
    }

    /// Removes the apk database (whiteout), replaces `status.d` (opaque), adds `app/hello`.
    static func debianUpper(in scratch: Scratch, goBinary: [UInt8]?, compression: LayerArchive.Compression = .zstd)
        throws -> LayerArchive
    {
        let folder = "debian-upper-\(UUID().uuidString)"
        try scratch.write("\(folder)/lib/apk/db/.wh.installed", text: "")
        try scratch.write("\(folder)/var/lib/dpkg/status.d/.wh..wh..opq", text: "")
        try scratch.write(
            "\(folder)/var/lib/dpkg/status.d/newpkg", text: "Package: newpkg\nVersion: 2.0\nSource: newsrc\n")
        try scratch.write("\(folder)/app/hello", goBinary ?? Array("not a Go binary".utf8))
        return try LayerArchive(folder: scratch.url.appending(path: folder), compression: compression)
    }

    static func alpine(in scratch: Scratch) throws -> LayerArchive {
        let folder = "alpine-\(UUID().uuidString)"
        try scratch.write("\(folder)/etc/os-release", text: alpineRelease)
        try scratch.write("\(folder)/lib/apk/db/installed", text: ApkSample.installed)
        return try LayerArchive(folder: scratch.url.appending(path: folder))
    }

    /// The status file's installed packages, as dpkg-query counts them.
    static func installedDebianPackages() throws -> Int {
        let query = try ProcessRunner.tool("dpkg-query", ["-W", "-f", "${db:Status-Status}\n"])
        return query.output.split(separator: "\n").filter { $0 == "installed" }.count
    }
}

enum ApkSample {
    static let installed = "P:busybox\nV:1.36.1-r29\no:busybox\n\nP:libcrypto3\nV:3.3.0-r2\no:openssl\n\n"
}
