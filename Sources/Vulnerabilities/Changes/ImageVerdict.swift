/// What a review says about one changed image: the vulnerabilities at or above the threshold
/// that the image it replaces did not have, and the newer allowed tag that fixes some of them.
package struct ImageVerdict: Sendable, Hashable {
    /// A newer tag the upgrade policy allows, scanned: which of the verdict's advisories it fixes.
    package struct FixingTag: Sendable, Hashable {
        package var tag: String
        package var fixes: [String]
        package var remaining: [String]

        package init(tag: String, fixes: [String], remaining: [String]) {
            self.tag = tag
            self.fixes = fixes
            self.remaining = remaining
        }
    }

    package var change: ChangedImage
    package var vulnerabilities: [Vulnerability]
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
    package var advisories: [String] {
        var seen: Set<String> = []
        return vulnerabilities.sorted { $0.severity > $1.severity }.map(\.advisory).filter { seen.insert($0).inserted }
    }

    /// Markdown for a review comment: one line per vulnerable package, then the tag that fixes them.
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
            let remaining =
                fixingTag.remaining.isEmpty
                ? "" : "; still affected by \(fixingTag.remaining.joined(separator: ", "))"
            lines.append("Tag `\(fixingTag.tag)` fixes \(fixingTag.fixes.joined(separator: ", "))\(remaining).")
        }
        return lines.joined(separator: "\n")
    }

    package static func reportOrder(_ left: Vulnerability, _ right: Vulnerability) -> Bool {
        if left.severity != right.severity { return left.severity > right.severity }
        if left.advisory != right.advisory { return left.advisory < right.advisory }
        return left.package.name < right.package.name
    }
}
