/// A chart archive that could not be unpacked: what was wrong and, when one entry is to blame, which.
package struct ChartArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The archive entry at fault, as `tar` lists it; `nil` when the archive as a whole is.
    package var entry: String?
    package var reason: String

    package init(entry: String? = nil, reason: String) {
        self.entry = entry
        self.reason = reason
    }

    package var description: String {
        if let entry { return "chart archive entry '\(entry)': \(reason)" }
        return "chart archive: \(reason)"
    }
}
