import Archives
import Foundation

/// Unpacks a chart `.tgz` as `helm package` makes it (one `<name>/` folder holding Chart.yaml)
/// into a folder, read in process (no `tar` to run). An archive with an entry that would land
/// outside it (`../`, an absolute path) is refused before anything is written; only folders and
/// regular files are unpacked (links, devices and FIFOs are left out), so nothing read from the
/// folder can lead outside it.
package enum ChartArchiveUnpacker {
    /// What an archive's files may add up to, as Helm limits it (100 MiB): a small gzip that
    /// expands to gigabytes is refused while it inflates, before anything is written.
    package static let unpackedSizeLimit = 100 << 20
    /// The tar stream holds headers and padding besides the files.
    static let tarStreamLimit = unpackedSizeLimit + (16 << 20)

    /// Unpacks `archive` into `destination` (created when missing); returns the chart's folder.
    package static func unpack(_ archive: Data, into destination: URL) throws -> URL {
        let entries = try read(archive)
        let names = entries.map(\.name)
        for name in names { try ArchiveEntryName.requireInside(name) }
        let folder = try ArchiveEntryName.chartFolder(in: names)
        guard entries.reduce(0, { $0 + $1.contents.count }) <= unpackedSizeLimit else { throw tooLarge }
        let files = FileManager.default
        do {
            try files.createDirectory(at: destination, withIntermediateDirectories: true)
        } catch {
            throw ChartArchiveError(reason: "could not create \(destination.path) to unpack a chart: \(error)")
        }
        for entry in entries {
            let target = destination.appending(path: entry.name)
            do {
                switch entry.kind {
                case .directory:
                    try files.createDirectory(at: target, withIntermediateDirectories: true)
                case .file:
                    try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(entry.contents).write(to: target)
                case .symbolicLink, .hardLink, .other:
                    continue
                }
            } catch {
                throw ChartArchiveError(entry: entry.name, reason: "could not be written to \(target.path): \(error)")
            }
        }
        return destination.appending(path: folder)
    }

    private static func read(_ archive: Data) throws -> [TarEntry] {
        do {
            return try TarReader.entries(of: Gzip.inflate(Array(archive), limit: tarStreamLimit))
        } catch let error as ArchiveError {
            if error.isOverLimit { throw tooLarge }
            throw ChartArchiveError(entry: error.entry, reason: "the archive \(error.reason)")
        }
    }

    private static var tooLarge: ChartArchiveError {
        ChartArchiveError(reason: "the archive unpacks to more than \(unpackedSizeLimit >> 20) MiB; refused")
    }
}
