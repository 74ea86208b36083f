/// A failure of the Helm library: what Shipshape asked, and Helm's own message.
package struct HelmError: Error, Sendable, CustomStringConvertible {
    package var operation: String
    package var message: String

    package init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    package var description: String { "\(operation): \(message)" }
}
