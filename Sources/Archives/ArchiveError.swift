/// An archive that cannot be read, or that breaks a limit: what was wrong and, where there is
/// one, the entry it was found at.
package struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    package var entry: String?
    package var reason: String
    /// True when the archive was refused for its size, not for its form.
    package var isOverLimit: Bool

    package init(entry: String? = nil, reason: String, isOverLimit: Bool = false) {
        self.entry = entry
        self.reason = reason
        self.isOverLimit = isOverLimit
    }

    package var description: String { entry.map { "\($0): \(reason)" } ?? reason }
}

extension ArchiveError {
    /// Runs `body`, whose closures may throw anything, as code that throws only `ArchiveError`:
    /// the streaming readers take untyped callbacks; what they throw here is always one.
    package static func rethrowing<Value>(_ body: () throws -> Value) throws(ArchiveError) -> Value {
        do { return try body() } catch let error as ArchiveError { throw error } catch {
            throw ArchiveError(reason: "\(error)")
        }
    }
}
