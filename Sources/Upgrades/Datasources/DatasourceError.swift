/// A datasource could not answer: which repository or file, and why.
public struct DatasourceError: Error, Sendable, CustomStringConvertible {
    public var subject: String
    public var reason: String

    public init(subject: String, reason: String) {
        self.subject = subject
        self.reason = reason
    }

    public var description: String { "\(subject): \(reason)" }
}
