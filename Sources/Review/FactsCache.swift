import Foundation
import GitKit
import Synchronization

/// Facts of blobs already parsed, by blob id, in one file per cache folder (`facts-v5.tsv`, one
/// line per blob, appended to): parsed facts are cached by blob id, so a review parses only the
/// blobs it has not seen before. A line that cannot be read is ignored (and rebuilt).
package final class FactsCache: Sendable {
    /// The file's name carries the format version: a new format starts a new file.
    package static let fileName = "facts-v5.tsv"

    private let file: String?
    private struct State {
        var loaded = false
        var facts: [ObjectID: BlobFacts] = [:]
        var added: [ObjectID: BlobFacts] = [:]
    }
    private let state = Mutex(State())

    /// A cache kept in `directory`; nil keeps facts for this process only.
    package init(directory: String?) {
        file = directory.map { $0 + "/" + Self.fileName }
    }

    func facts(for blob: ObjectID) -> BlobFacts? {
        state.withLock { state in
            loadIfNeeded(&state)
            return state.facts[blob]
        }
    }

    func remember(_ facts: BlobFacts, for blob: ObjectID) {
        state.withLock { state in
            state.facts[blob] = facts
            state.added[blob] = facts
        }
    }

    /// Appends the facts learnt since the last save.
    package func save() throws {
        guard let file else { return }
        let lines = state.withLock { state -> String in
            defer { state.added.removeAll() }
            return state.added.map { "\($0.key.hex)\t\($0.value.encoded)\n" }.joined()
        }
        guard !lines.isEmpty else { return }
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: file) { FileManager.default.createFile(atPath: file, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: file) else { return }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(lines.utf8))
    }

    private func loadIfNeeded(_ state: inout State) {
        guard !state.loaded else { return }
        state.loaded = true
        guard let file, let data = FileManager.default.contents(atPath: file) else { return }
        // Split on bytes: a cache of 50,000 blobs is read on every review.
        let bytes = [UInt8](data)
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")),
                let blob = ObjectID(hexDigits: line[..<tab]),
                let facts = BlobFacts(encoded: line[line.index(after: tab)...])
            else { continue }
            state.facts[blob] = facts
        }
    }
}
