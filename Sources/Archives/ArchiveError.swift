/// An archive that cannot be read, or that breaks a limit: what was wrong and, where there is
/// one, the entry it was found at.
public struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    public var entry: String?
    public var reason: String
    /// True when the archive was refused for its size, not for its form.
    public var isOverLimit: Bool

    public init(entry: String? = nil, reason: String, isOverLimit: Bool = false) {
        self.entry = entry
        self.reason = reason
        self.isOverLimit = isOverLimit
    }

    public var description: String { entry.map { "\($0): \(reason)" } ?? reason }
}
