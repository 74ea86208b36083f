/// What a review says about one changed image: the vulnerabilities at or above the threshold
/// that the image it replaces did not have, and what the search for the nearest allowed tag with
/// fewer of them found.
package struct ImageVerdict: Sendable, Hashable {
    package var change: ChangedImage
    package var vulnerabilities: [Vulnerability]
    /// The nearest allowed tag with fewer of them, or which tags were scanned without one.
    package var fixingTag: FixingTag?
    /// Why the image could not be scanned; the review goes on without it.
    package var error: String?

    package init(
        change: ChangedImage, vulnerabilities: [Vulnerability], fixingTag: FixingTag? = nil, error: String? = nil
    ) {
        self.change = change
        self.vulnerabilities = vulnerabilities
        self.fixingTag = fixingTag
        self.error = error
    }

    /// The worst severity among the vulnerabilities.
    package var severity: Severity { vulnerabilities.map(\.severity).max() ?? .unknown }

    /// The advisories, each once, worst first.
    package var advisories: [String] { FixingTagSearch.advisories(vulnerabilities) }

    /// Markdown for a review comment: one line per vulnerable package, then the nearest tag that fixes some.
    package var message: String {
        if let error { return "`\(change.image)` could not be scanned: \(error)" }
        let since = change.previous.map { " that `\($0)` did not have" } ?? ""
        var lines = [
            "`\(change.image)` has \(vulnerabilities.count) known \(vulnerabilities.count == 1 ? "vulnerability" : "vulnerabilities")\(since):",
            "",
        ]
        for vulnerability in vulnerabilities.sorted(by: Self.reportOrder) {
            let aliases = vulnerability.aliases.isEmpty ? "" : " (\(vulnerability.aliases.joined(separator: ", ")))"
            let fixed = vulnerability.fixedVersion.map { "fixed in \($0)" } ?? "no fix yet"
            lines.append(
                "- \(vulnerability.advisory)\(aliases), \(vulnerability.severity.rawValue): "
                    + "\(vulnerability.package.name) \(vulnerability.installedVersion) installed, \(fixed)")
        }
        if let fixingTag {
            lines.append("")
            lines.append(fixingTag.sentence)
        }
        return lines.joined(separator: "\n")
    }

    package static func reportOrder(_ left: Vulnerability, _ right: Vulnerability) -> Bool {
        if left.severity != right.severity { return left.severity > right.severity }
        if left.advisory != right.advisory { return left.advisory < right.advisory }
        return left.package.name < right.package.name
    }
}
