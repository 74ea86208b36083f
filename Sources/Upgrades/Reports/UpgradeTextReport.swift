import Fixes
import GitKit

/// The text `shipshape upgrade` prints: the outdated dependencies as a table, what could not be
/// checked and why, what is pinned to something that is not a version, the edits, and a count.
package enum UpgradeTextReport {
    package static func render(_ report: UpgradeReport, outcome: UpgradeEditor.Outcome, dryRun: Bool) -> String {
        var text = ""
        if !report.upgrades.isEmpty {
            text += "Outdated (\(report.upgrades.count)):\n"
            let rows =
                [["NAME", "KIND", "CURRENT", "UPGRADE TO", "NEWEST", "TYPE", "WHERE"]]
                + report.upgrades.map { upgrade in
                    [
                        upgrade.dependency.name, upgrade.dependency.kind.rawValue, upgrade.dependency.currentValue,
                        upgrade.newValue ?? "-", upgrade.newestOverall, upgrade.updateType?.rawValue ?? "(not allowed)",
                        "\(upgrade.dependency.location) \(upgrade.dependency.origin)",
                    ]
                }
            text += table(rows)
        }
        if !report.failures.isEmpty {
            text += "\nCould not check (\(report.failures.count)):\n"
            for failure in report.failures {
                // The reason names the repository asked (which a mirror may have changed).
                text += "  \(failure.dependency.location): \(failure.reason)\n"
            }
        }
        if !report.skipped.isEmpty {
            text += "\nNot upgraded (\(report.skipped.count)):\n"
            for skipped in report.skipped {
                text += "  \(skipped.dependency.location): \(skipped.dependency.name): \(skipped.reason)\n"
            }
        }
        if !report.detection.notes.isEmpty {
            text += "\nNot understood (\(report.detection.notes.count)):\n"
            for note in report.detection.notes { text += "  \(note)\n" }
        }
        if !outcome.refused.isEmpty {
            text += "\nNot written (\(outcome.refused.count)):\n"
            for refused in outcome.refused { text += "  \(refused.upgrade.dependency.name): \(refused.reason)\n" }
        }
        if dryRun, !outcome.files.isEmpty {
            text += "\n"
            for (path, bytes) in outcome.files.sorted(by: { $0.key < $1.key }) {
                let original = outcome.originals[path] ?? []
                do { text += try UnifiedDiff.render(old: original, new: bytes, path: path) } catch {
                    text += "(no diff of \(path): \(error))\n"
                }
            }
        }
        let dependencies = report.detection.dependencies.count
        let applicable = report.upgrades.filter(\.isApplicable).count
        text +=
            "\n\(dependencies) dependencies in \(report.detection.filesScanned) files: \(report.upgrades.count) outdated (\(applicable) allowed), "
            + "\(report.upToDate.count) up to date, \(report.skipped.count) not upgraded, \(report.failures.count) could not be checked.\n"
        let files = outcome.files.count
        let values = outcome.applied.count
        text +=
            dryRun
            ? "Would update \(values) value(s) in \(files) file(s) (dry run: no file changed).\n"
            : "Updated \(values) value(s) in \(files) file(s).\n"
        return text
    }

    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  "
                + row.enumerated().map { index, cell in
                    index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
                }.joined(separator: "  ") + "\n"
        }.joined()
    }
}
