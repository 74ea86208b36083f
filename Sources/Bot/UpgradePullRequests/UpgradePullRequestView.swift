import Upgrades

/// What the upgrade templates are given: the add-on's rows, links, warnings and the chart
/// comparison, as plain values for Mustache.
enum UpgradePullRequestView {
    static let marker = "<!-- shipshape:upgrade -->"

    static func body(_ group: AddOnUpgrade, base: String, chartComparison: String, templates: CommentTemplates)
        -> String
    {
        var seen: Set<String> = []
        let rows: [[String: Any]] = group.upgrades.compactMap { upgrade in
            let key = "\(upgrade.dependency.name) \(upgrade.dependency.location)"
            guard seen.insert(key).inserted else { return nil }
            return [
                "name": upgrade.dependency.name, "kind": upgrade.dependency.kind.rawValue,
                "updateType": upgrade.updateType?.rawValue ?? "", "current": upgrade.dependency.currentValue,
                "new": upgrade.newValue ?? "", "file": upgrade.dependency.location.file,
                "line": upgrade.dependency.location.line,
            ]
        }
        var notes: [String] = []
        for upgrade in group.upgrades {
            for link in upgrade.releaseNotes where !notes.contains(where: { $0.hasSuffix("(\(link))") || $0 == link }) {
                notes.append(link.hasPrefix("http") ? "[\(upgrade.dependency.name)](\(link))" : link)
            }
        }
        var newer: [[String: String]] = []
        for upgrade in group.upgrades where upgrade.newestOverall != upgrade.newestAllowed {
            if !newer.contains(where: { $0["name"] == upgrade.dependency.name }) {
                newer.append(["name": upgrade.dependency.name, "version": upgrade.newestOverall])
            }
        }
        return templates.render(
            .upgradePullRequest,
            [
                "marker": marker, "addOn": group.addOn,
                "hasChart": group.upgrades.contains { $0.dependency.kind == .chart },
                "rows": rows, "isMajor": group.isMajor, "hasReleaseNotes": !notes.isEmpty, "releaseNotes": notes,
                "hasNewer": !newer.isEmpty, "newer": newer, "chartComparison": chartComparison, "branch": group.branch,
                "base": base,
            ])
    }

    static func comment(
        _ icon: String, _ headline: String, note: String? = nil, marker: String, templates: CommentTemplates
    ) -> String {
        templates.render(
            .upgradeComment,
            ["marker": marker, "icon": icon, "headline": headline, "hasNote": note != nil, "note": note ?? ""])
    }
}
