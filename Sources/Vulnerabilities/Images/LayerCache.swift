import Foundation

/// Layers already read, by digest: an image that shares a base layer with another reuses its
/// changes, and two scans asking for one layer at once share one download. With a folder, what
/// a layer changes is also kept on disk (one JSON file per digest, written whole or not at all),
/// so the next run reads no layer it has seen; a file that cannot be read is read again from the registry.
package actor LayerCache {
    private var layers: [String: Task<LayerChanges, any Error>] = [:]
    private let folder: URL?
    /// How many layers were downloaded and unpacked (not served from memory or disk).
    package private(set) var reads = 0
    /// Counts layer reads and cache hits for the service's metrics.
    package let statistics: ScanStatistics?

    package init(folder: URL? = nil, statistics: ScanStatistics? = nil) {
        self.folder = folder
        self.statistics = statistics
    }

    /// `~/.cache/shipshape/layers`.
    package static var defaultFolder: URL {
        FileManager.default.homeDirectoryForCurrentUser.appending(path: ".cache/shipshape/layers")
    }

    func changes(digest: String, read: @escaping @Sendable () async throws -> LayerChanges) async throws -> LayerChanges
    {
        if let task = layers[digest] {
            statistics?.layerRead(cached: true)
            return try await task.value
        }
        let file = Self.file(for: digest, in: folder)
        if let file, let data = try? Data(contentsOf: file),
            let stored = try? JSONDecoder().decode(LayerChanges.self, from: data)
        {
            layers[digest] = Task { stored }
            statistics?.layerRead(cached: true)
            return stored
        }
        reads += 1
        statistics?.layerRead(cached: false)
        let task = Task { try await read() }
        layers[digest] = task
        do {
            let changes = try await task.value
            if let file, let data = try? JSONEncoder().encode(changes) {
                try? FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? data.write(to: file, options: .atomic)
            }
            return changes
        } catch {
            // A failed read is not kept: the next image asks again.
            layers[digest] = nil
            throw error
        }
    }

    /// `sha256-<hex>.json`; nil for a digest that is not `algorithm:hex` (never a path).
    static func file(for digest: String, in folder: URL?) -> URL? {
        let parts = digest.split(separator: ":")
        guard let folder, parts.count == 2, parts[0].allSatisfy({ $0.isLetter || $0.isNumber }),
            !parts[1].isEmpty, parts[1].allSatisfy(\.isHexDigit)
        else { return nil }
        return folder.appending(path: "\(parts[0])-\(parts[1]).json")
    }
}
