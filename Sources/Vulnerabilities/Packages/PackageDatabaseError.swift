/// A package database that cannot be read: which file, and what was wrong with it.
package struct PackageDatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    package var file: String?
    package var reason: String

    package init(_ reason: String, file: String? = nil) {
        self.reason = reason
        self.file = file
    }

    package var description: String { file.map { "\($0): \(reason)" } ?? reason }
}
