/// A path template such as `/repos/{owner}/{repo}/pulls/{pull_number}`, matched segment by
/// segment against the path a client sent (its segments still percent-encoded).
struct PathTemplate: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case variable(String)
    }

    struct Match {
        var parameters: [String: String]
        /// A trailing `{ref}` took more than one segment (`heads/feature`); such a match loses to
        /// an exact one.
        var spansSegments: Bool
        var variableCount: Int
    }

    let text: String
    let segments: [Segment]

    init(_ text: String) {
        self.text = text
        segments = text.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}")
                ? .variable(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
    }

    var variableCount: Int { segments.filter { if case .variable = $0 { true } else { false } }.count }

    /// Git references (`{ref}` at the end of GitHub's `git/ref/{ref}`, Gitea's `git/refs/{ref}`)
    /// contain slashes that clients send unencoded, so a trailing `{ref}` may span segments.
    func match(_ path: String) -> Match? {
        guard path.hasPrefix("/") else { return nil }
        let parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else { return nil }
        var parameters: [String: String] = [:]
        var spansSegments = false
        for (position, segment) in segments.enumerated() {
            guard position < parts.count else { return nil }
            switch segment {
            case .literal(let literal):
                guard parts[position] == literal else { return nil }
            case .variable(let name):
                let isLast = position == segments.count - 1
                if isLast && name == "ref" && parts.count > segments.count {
                    parameters[name] = parts[position...].joined(separator: "/")
                    spansSegments = true
                } else {
                    parameters[name] = parts[position]
                }
            }
        }
        guard spansSegments || parts.count == segments.count else { return nil }
        return Match(parameters: parameters, spansSegments: spansSegments, variableCount: variableCount)
    }
}
