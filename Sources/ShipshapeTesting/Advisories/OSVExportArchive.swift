import Foundation

/// An OSV export archive as OSV publishes them (`<ecosystem>/all.zip`, one `<id>.json` per
/// record, deflated), written by Python's zipfile from records the tests write.
package enum OSVExportArchive {
    /// `records`: file name in the archive to the record's JSON.
    package static func zip(_ records: [String: String]) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-osv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let recordsFolder = folder.appending(path: "records")
        try FileManager.default.createDirectory(at: recordsFolder, withIntermediateDirectories: true)
        for (name, json) in records { try Data(json.utf8).write(to: recordsFolder.appending(path: name)) }
        let program = """
            import os, zipfile
            with zipfile.ZipFile('all.zip', 'w', zipfile.ZIP_DEFLATED) as z:
                for name in sorted(os.listdir('records')):
                    z.write(os.path.join('records', name), name)
            """
        let result = try ProcessRunner.tool("python3", ["-c", program], in: folder)
        guard result.status == 0 else { throw FixtureError("zip: \(result.output)") }
        return try Data(contentsOf: folder.appending(path: "all.zip"))
    }
}
