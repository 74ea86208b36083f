import Policy

/// Why a kustomization could not be built, and where: the line of the kustomization (or
/// patch) that asked for the impossible.
package struct KustomizeError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var location: SourceLocation?

    package init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    package var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }
}

/// Something the builder does not do (yet), named where it is asked for. A root with such a
/// note is refused: its objects would not be what kustomize builds.
package struct KustomizeNote: Sendable, Hashable, CustomStringConvertible {
    /// The kustomization field or feature, for counting (`helmCharts`, `remote resource`).
    package var feature: String
    package var message: String
    package var location: SourceLocation?

    package init(feature: String, message: String, location: SourceLocation?) {
        self.feature = feature
        self.message = message
        self.location = location
    }

    package var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }
}
