import Foundation

/// Unpacks a chart `.tgz` as `helm package` makes it (one `<name>/` folder holding Chart.yaml)
/// into a folder. An archive with an entry that would land outside it (`../`, an absolute path)
/// is refused before anything is unpacked, and symbolic links it holds are removed afterwards,
/// so nothing read from the folder can lead outside it.
public enum ChartArchiveUnpacker {
    /// What an archive may unpack to, as Helm limits it (100 MiB): a small gzip that expands to
    /// gigabytes is refused before tar writes anything.
    public static let unpackedSizeLimit = 100 << 20

    /// Unpacks `archive` into `destination` (created when missing); returns the chart's folder.
    public static func unpack(_ archive: Data, into destination: URL) throws -> URL {
        let files = FileManager.default
        let scratch = files.temporaryDirectory.appending(path: "shipshape-chart-\(UUID().uuidString)")
        do {
            try files.createDirectory(at: scratch, withIntermediateDirectories: true)
            try files.createDirectory(at: destination, withIntermediateDirectories: true)
        } catch {
            throw ChartArchiveError(reason: "could not create \(destination.path) to unpack a chart: \(error)")
        }
        defer { try? files.removeItem(at: scratch) }
        let archiveFile = scratch.appending(path: "chart.tgz")
        do {
            try archive.write(to: archiveFile)
        } catch {
            throw ChartArchiveError(reason: "could not write the archive to \(archiveFile.path): \(error)")
        }
        let tar = TarCommand(scratch: scratch)
        let entries = try tar.list(archiveFile)
        for entry in entries { try ArchiveEntryName.requireInside(entry) }
        let folder = try ArchiveEntryName.chartFolder(in: entries)
        try tar.requireUnpackedSize(of: archiveFile, atMost: unpackedSizeLimit)
        try tar.extract(archiveFile, into: destination)
        removeSymbolicLinks(under: destination)
        return destination.appending(path: folder)
    }

    private static func removeSymbolicLinks(under folder: URL) {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isSymbolicLinkKey]) else { return }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink) == true {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
