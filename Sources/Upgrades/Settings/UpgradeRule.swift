import Foundation

/// A policy for the dependencies a rule matches: by name (`cert-manager`, `ghcr.io/org/*`), by
/// add-on, or by where versions come from. The last matching rule wins, as in Renovate's
/// `packageRules`.
package struct UpgradeRule: Sendable {
    package var patterns: [String]
    package var policy: UpgradePolicy
    /// The scheme `versioning` names (`docker`, `semver` or `regex:<pattern>`), read once so a regex
    /// is compiled once, not per dependency; nil keeps the default (docker for images, semver for charts).
    let scheme: (any VersionScheme)?

    package init(patterns: [String], policy: UpgradePolicy, versioning: String? = nil) {
        self.patterns = patterns
        self.policy = policy
        self.scheme = versioning.flatMap { try? Self.scheme(named: $0) }
    }

    package func matches(_ dependency: Dependency) -> Bool {
        let names = [dependency.name, dependency.addOn, dependency.source.description]
        return patterns.contains { pattern in names.contains { Glob.matches(pattern, $0) } }
    }

    /// The scheme a `versioning` text names.
    package static func scheme(named text: String) throws -> any VersionScheme {
        switch text {
        case "docker": return DockerVersioning()
        case "semver", "helm": return SemVerVersioning()
        default:
            guard text.hasPrefix("regex:") else {
                throw VersionSyntaxError(
                    subject: .pattern, text: text, problem: "unknown versioning",
                    hint: "use docker, semver or regex:<pattern>")
            }
            return try RegexVersioning(pattern: String(text.dropFirst("regex:".count)))
        }
    }
}

/// `*` matches any run of characters (slashes included), everything else itself.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return pattern == text }
        var rest = Substring(text)
        guard let first = parts.first, rest.hasPrefix(first) else { return false }
        rest = rest.dropFirst(first.count)
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) }
            guard !part.isEmpty else { continue }
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}
