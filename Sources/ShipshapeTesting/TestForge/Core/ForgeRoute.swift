import Foundation

/// One REST operation: a method, a path template such as `/repos/{owner}/{repo}/pulls/{number}`
/// (a final `{name*}` takes the rest of the path, slashes included), and its handler.
struct ForgeRoute {
    typealias Handler = (ForgeStore, ForgeCall) throws -> ServedResponse

    let method: String
    let template: String
    /// False for the few operations a caller may use without a token.
    let requiresToken: Bool
    let handler: Handler
    private let segments: [Substring]

    init(_ method: String, _ template: String, requiresToken: Bool = true, _ handler: @escaping Handler) {
        self.method = method
        self.template = template
        self.requiresToken = requiresToken
        self.handler = handler
        self.segments = template.split(separator: "/")
    }

    /// The path parameters, percent-decoded, when `path` fits the template.
    func match(method: String, path: String) -> [String: String]? {
        guard method == self.method else { return nil }
        let parts = path.split(separator: "/")
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            if segment.hasPrefix("{"), segment.hasSuffix("*}") {
                guard index < parts.count else { return nil }
                let rest = parts[index...].joined(separator: "/")
                parameters[String(segment.dropFirst().dropLast(2))] = rest.removingPercentEncoding ?? rest
                return parameters
            }
            guard index < parts.count else { return nil }
            if segment.hasPrefix("{"), segment.hasSuffix("}") {
                let value = String(parts[index])
                parameters[String(segment.dropFirst().dropLast())] = value.removingPercentEncoding ?? value
            } else if segment != parts[index] {
                return nil
            }
        }
        return parts.count == segments.count ? parameters : nil
    }
}
