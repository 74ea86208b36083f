/// Layers already read in this run, by digest: an image that shares a base layer with another
/// reuses its changes, and two scans asking for one layer at once share one download.
public actor LayerCache {
    private var layers: [String: Task<LayerChanges, any Error>] = [:]
    /// How many layers were downloaded and unpacked (not served from the cache).
    public private(set) var reads = 0

    public init() {}

    func changes(digest: String, read: @escaping @Sendable () async throws -> LayerChanges) async throws -> LayerChanges {
        if let task = layers[digest] { return try await task.value }
        reads += 1
        let task = Task { try await read() }
        layers[digest] = task
        do { return try await task.value } catch {
            // A failed read is not kept: the next image asks again.
            layers[digest] = nil
            throw error
        }
    }
}
