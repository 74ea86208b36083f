import Foundation
import GRDB

/// RPM packages from the SQLite rpmdb of current Fedora, RHEL and UBI (`Packages(hnum, blob)`,
/// one header per row). The database bytes are copied to a scratch folder and opened there, so
/// nothing from an image is opened in place or written.
package enum RPMDatabase {
    package static let paths = ["var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite"]

    /// `writeAheadLog`: the `-wal` file beside it, if the image holds one (an rpm still open
    /// when the layer was made).
    package static func packages(database: [UInt8], writeAheadLog: [UInt8]? = nil, foundIn path: String) throws
        -> [InstalledPackage]
    {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-rpmdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "rpmdb.sqlite")
        try Data(database).write(to: file)
        if let writeAheadLog { try Data(writeAheadLog).write(to: folder.appending(path: "rpmdb.sqlite-wal")) }
        let blobs: [[UInt8]]
        do {
            let queue = try DatabaseQueue(path: file.path)
            blobs = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT blob FROM Packages ORDER BY hnum").map { [UInt8]($0["blob"] as Data) }
            }
        } catch {
            throw PackageDatabaseError("not an rpm SQLite database (\(error))", file: path)
        }
        return try blobs.compactMap { blob in
            let header: RPMHeader
            do { header = try RPMHeader(blob: blob) } catch let error as PackageDatabaseError {
                throw PackageDatabaseError(error.reason, file: path)
            }
            guard let name = header.string(.name), let version = header.string(.version) else { return nil }
            let release = header.string(.release)
            let epoch = header.integer(.epoch).map(String.init)
            let evr = RPMVersion(epoch: epoch, version: version, release: release).description
            return InstalledPackage(
                name: name, version: evr, sourceName: header.string(.sourceRPM).flatMap(sourceName), sourceVersion: evr,
                kind: .rpm, foundIn: path)
        }
    }

    /// `openssl-3.0.7-24.el9.src.rpm` → `openssl`: the name before the version and release.
    static func sourceName(_ sourceRPM: String) -> String? {
        let parts = sourceRPM.split(separator: "-")
        guard parts.count >= 3 else { return nil }
        return parts.dropLast(2).joined(separator: "-")
    }
}
