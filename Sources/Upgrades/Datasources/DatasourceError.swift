/// A datasource could not answer: which repository or file, and why.
package struct DatasourceError: Error, Sendable, CustomStringConvertible {
    package var subject: String
    package var reason: String

    package init(subject: String, reason: String) {
        self.subject = subject
        self.reason = reason
    }

    package var description: String { "\(subject): \(reason)" }
}
