/// Which findings a review may show, as reviewdog's `-filter-mode` decides it: only on lines
/// the change added (the default), anywhere inside its hunks, anywhere in a changed file, or
/// everywhere. Pure: it knows nothing about forges or Git.
package struct DiffFilter: Sendable {
    package enum Mode: String, Sendable, CaseIterable, Codable {
        case added
        case diffContext = "diff_context"
        case file
        case nofilter
    }

    package let mode: Mode
    private let changes: [String: FileChange]

    package init(mode: Mode, changes: [FileChange]) {
        self.mode = mode
        var byPath: [String: FileChange] = [:]
        for change in changes where change.kind != .deleted { byPath[change.path] = change }
        self.changes = byPath
    }

    /// The change to the file at `path` (new side), if the change touched it.
    package func change(at path: String) -> FileChange? {
        changes[path]
    }

    package var changedPaths: Set<String> { Set(changes.keys) }

    /// Whether a finding at `path`:`line` (new side) passes the filter.
    package func allows(path: String, line: Int) -> Bool {
        guard mode != .nofilter else { return true }
        guard let change = changes[path] else { return false }
        switch mode {
        case .added: return change.added(line: line)
        case .diffContext: return change.inHunk(line: line)
        case .file, .nofilter: return true
        }
    }
}
