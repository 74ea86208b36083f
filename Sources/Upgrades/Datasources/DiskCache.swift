import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Datasource answers kept between runs in a folder (`~/.cache/shipshape/upgrades` by default):
/// one JSON file per key. A missing or unreadable entry is a miss, never an error; a nil folder
/// keeps nothing.
package struct DiskCache: Sendable {
    package let folder: URL?

    package init(folder: URL?) {
        self.folder = folder
    }

    /// The default place: `$XDG_CACHE_HOME/shipshape/upgrades`, else `~/.cache/shipshape/upgrades`.
    package static var defaultFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appending(path: ".cache")
        return base.appending(path: "shipshape/upgrades")
    }

    func read<Value: Decodable>(_ type: Value.Type, key: String) -> Value? {
        guard let file = file(for: key), let data = try? Data(contentsOf: file) else { return nil }
        return try? JSONDecoder().decode(Value.self, from: data)
    }

    func write<Value: Encodable>(_ value: Value, key: String) {
        guard let folder, let file = file(for: key), let data = try? JSONEncoder().encode(value) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Written aside and renamed, so a concurrent run never reads half a file.
        let partial = folder.appending(path: ".\(file.lastPathComponent).\(UUID().uuidString)")
        guard (try? data.write(to: partial)) != nil, rename(partial.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: partial)
            return
        }
    }

    private struct Stamped<Value: Codable>: Codable {
        var storedAt: Date
        var value: Value
    }

    /// A value written less than `lifetime` ago (nothing when the lifetime is zero).
    func read<Value: Codable>(_ type: Value.Type, key: String, within lifetime: Duration) -> Value? {
        guard lifetime > .zero, let stamped = read(Stamped<Value>.self, key: key),
            Date().timeIntervalSince(stamped.storedAt) < Double(lifetime.components.seconds)
        else { return nil }
        return stamped.value
    }

    /// Keeps `value` for reads within a lifetime (nothing is kept when the lifetime is zero).
    func write<Value: Codable>(_ value: Value, key: String, for lifetime: Duration) {
        guard lifetime > .zero else { return }
        write(Stamped(storedAt: Date(), value: value), key: key)
    }

    /// A readable, collision-safe file name: the key's letters, then a 64-bit FNV-1a hash of it.
    private func file(for key: String) -> URL? {
        guard let folder else { return nil }
        return folder.appending(path: "\(Self.fileName(for: key)).json")
    }

    /// A readable, collision-safe file name for `key`, without extension.
    package static func fileName(for key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let readable = String(key.map { $0.isLetter || $0.isNumber ? $0 : "-" }.suffix(60))
        return "\(readable)-\(String(hash, radix: 16))"
    }
}
