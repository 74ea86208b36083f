import Upgrades

/// The upgrades of one add-on (a chart and the images its values pin, or one image wherever it
/// is pinned), which travel together in one branch and pull request.
public struct AddOnUpgrade: Sendable {
    public static let branchPrefix = "shipshape/upgrade/"

    public var addOn: String
    public var upgrades: [Upgrade]

    public init(addOn: String, upgrades: [Upgrade]) {
        self.addOn = addOn
        self.upgrades = upgrades
    }

    /// `shipshape/upgrade/cert-manager`: one branch per add-on, found again by name on every run.
    public var branch: String { Self.branch(for: addOn) }

    public static func branch(for addOn: String) -> String { branchPrefix + slug(addOn) }

    static func slug(_ name: String) -> String {
        let allowed = name.lowercased().map {
            $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" ? $0 : "-"
        }
        return String(
            String(allowed).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-").prefix(60))
    }

    /// The upgrade the title names: the chart's when there is one, else the greatest step.
    public var lead: Upgrade? {
        upgrades.first { $0.dependency.kind == .chart }
            ?? upgrades.max { ($0.updateType ?? .patch) < ($1.updateType ?? .patch) }
    }

    /// "Update cert-manager to v1.17.1", as Renovate titles them.
    public var title: String {
        guard let lead, let version = lead.newValue else { return "Update \(addOn)" }
        return "Update \(addOn) to \(version)"
    }

    public var isMajor: Bool { upgrades.contains { $0.updateType == .major } }

    public var commitMessage: String {
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
    public static func groups(_ upgrades: [Upgrade]) -> [AddOnUpgrade] {
        Dictionary(grouping: upgrades.filter(\.isApplicable), by: \.dependency.addOn)
            .map { AddOnUpgrade(addOn: $0.key, upgrades: $0.value) }
            .sorted { $0.addOn < $1.addOn }
    }
}
