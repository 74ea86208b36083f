import Upgrades

/// The upgrades of one add-on (a chart and the images its values pin, or one image wherever it
/// is pinned), which travel together in one branch and pull request.
package struct AddOnUpgrade: Sendable {
    package static let branchPrefix = "shipshape/upgrade/"

    package var addOn: String
    package var upgrades: [Upgrade]

    package init(addOn: String, upgrades: [Upgrade]) {
        self.addOn = addOn
        self.upgrades = upgrades
    }

    /// `shipshape/upgrade/cert-manager`: one branch per add-on, found again by name on every run.
    package var branch: String { Self.branch(for: addOn) }

    package static func branch(for addOn: String) -> String { branchPrefix + slug(addOn) }

    static func slug(_ name: String) -> String {
        let allowed = name.lowercased().map {
            $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" ? $0 : "-"
        }
        return String(
            String(allowed).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-").prefix(60))
    }

    /// The upgrade the title names: the chart's when there is one, else the greatest step.
    package var lead: Upgrade? {
        upgrades.first { $0.dependency.kind == .chart }
            ?? upgrades.max { ($0.updateType ?? .patch) < ($1.updateType ?? .patch) }
    }

    /// "Update cert-manager to v1.17.1", as Renovate titles them.
    package var title: String {
        guard let lead, let version = lead.newValue else { return "Update \(addOn)" }
        return "Update \(addOn) to \(version)"
    }

    package var isMajor: Bool { upgrades.contains { $0.updateType == .major } }

    package var commitMessage: String {
        var lines = [title, ""]
        var seen: Set<String> = []
        for upgrade in upgrades {
            let line =
                "- \(upgrade.dependency.name) \(upgrade.dependency.currentValue) → \(upgrade.newValue ?? "") (\(upgrade.dependency.location.file))"
            if seen.insert(line).inserted { lines.append(line) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The groups of a run's writable upgrades, by add-on name.
    package static func groups(_ upgrades: [Upgrade]) -> [AddOnUpgrade] {
        Dictionary(grouping: upgrades.filter(\.isApplicable), by: \.dependency.addOn)
            .map { AddOnUpgrade(addOn: $0.key, upgrades: $0.value) }
            .sorted { $0.addOn < $1.addOn }
    }
}
