package enum CheckCategory: String, Sendable, Codable, CaseIterable {
    case security = "Security"
    case efficiency = "Efficiency"
    case reliability = "Reliability"
    case compatibility = "Compatibility"
    case syntax = "Syntax"
}

/// What a check is, in words: the one place documentation, SARIF rules and messages come from.
/// Default severities are not here: they live in `config/checks.yaml`.
package struct CheckMetadata: Sendable {
    package var id: String
    package var category: CheckCategory
    /// What the check looks at: `Container`, `PodSpec`, `Controller`, or a kind.
    package var target: String
    /// One line: what the check wants.
    package var title: String
    /// Why it matters.
    package var description: String
    /// What to do about a finding; one or more sentences ending in a period.
    package var remediation: String

    package init(
        id: String, category: CheckCategory, target: String, title: String, description: String, remediation: String
    ) {
        self.id = id
        self.category = category
        self.target = target
        self.title = title
        self.description = description
        self.remediation = remediation
    }

    package var documentationURL: String {
        "https://github.com/shipshape-dev/shipshape/blob/main/docs/checks.md#\(id.lowercased())"
    }
}
