/// What an image holds: its distribution and every package its databases and Go binaries
/// record. A database that cannot be read is a note (with its file); the others are still read.
package struct PackageInventory: Sendable, Equatable, Codable {
    package var distribution: OSRelease?
    package var packages: [InstalledPackage]
    package var notes: [String]

    package init(distribution: OSRelease?, packages: [InstalledPackage], notes: [String] = []) {
        self.distribution = distribution
        self.packages = packages
        self.notes = notes
    }

    package init(root: RootFiles) {
        var packages: [InstalledPackage] = []
        var notes: [String] = []
        distribution = OSRelease.paths.lazy.compactMap { root.bytes(at: $0) }.first.flatMap {
            OSRelease(text: String(decoding: $0, as: UTF8.self))
        }
        for path in root.files.keys.sorted() where DpkgDatabase.isDatabase(path) {
            if let bytes = root.bytes(at: path) {
                packages += DpkgDatabase.packages(in: String(decoding: bytes, as: UTF8.self), foundIn: path)
            }
        }
        if let bytes = root.bytes(at: ApkDatabase.path) {
            packages += ApkDatabase.packages(in: String(decoding: bytes, as: UTF8.self))
        }
        for path in RPMDatabase.paths {
            guard let bytes = root.bytes(at: path) else { continue }
            do {
                packages += try RPMDatabase.packages(
                    database: bytes, writeAheadLog: root.bytes(at: path + "-wal"), foundIn: path)
                break
            } catch {
                notes.append("\(error)")
            }
        }
        for (path, content) in root.files.sorted(by: { $0.key < $1.key }) {
            if case .goBinary(let info) = content { packages += info.packages(foundIn: path) }
        }
        self.packages = packages
        self.notes = notes
    }
}
