/// A forge said no, or said something the client cannot read. The message says which call and why,
/// never with a token in it.
package enum ForgeError: Error, CustomStringConvertible {
    case status(code: Int, method: String, path: String, message: String)
    case unreadableResponse(method: String, path: String, reason: String)
    case notFound(String)
    case unsupported(String)
    case configuration(String)

    package var description: String {
        switch self {
        case .status(let code, let method, let path, let message):
            "\(method) \(path) answered \(code)" + (message.isEmpty ? "" : ": \(message)")
        case .unreadableResponse(let method, let path, let reason): "\(method) \(path): unreadable response: \(reason)"
        case .notFound(let what): "not found: \(what)"
        case .unsupported(let what): "not supported by this forge: \(what)"
        case .configuration(let what): "forge configuration: \(what)"
        }
    }

    /// The status code, when the forge answered with one.
    package var statusCode: Int? {
        if case .status(let code, _, _, _) = self { return code }
        return nil
    }
}
