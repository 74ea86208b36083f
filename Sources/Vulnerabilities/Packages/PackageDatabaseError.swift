/// A package database that cannot be read: which file, and what was wrong with it.
public struct PackageDatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var reason: String

    public init(_ reason: String, file: String? = nil) {
        self.reason = reason
        self.file = file
    }

    public var description: String { file.map { "\($0): \(reason)" } ?? reason }
}
