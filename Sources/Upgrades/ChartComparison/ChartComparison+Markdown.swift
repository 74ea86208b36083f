import Foundation
import Manifests

extension ChartComparison {
    /// The most rows or names a section lists before it says how many more there are, so a
    /// large chart rewrite keeps the PR body readable.
    static let markdownListLimit = 25

    /// Sections for a PR body, "CRDs", "Default values" and "Deprecated APIs in the new chart",
    /// each only when it has something to say; empty when the comparison is. Text from the charts
    /// is always inside code spans, so a chart cannot inject Markdown or mentions.
    package func markdown(oldVersion: String, newVersion: String) -> String {
        var sections: [String] = []
        if !crdsAdded.isEmpty || !crdsRemoved.isEmpty {
            sections.append(
                Self.section(
                    "CRDs",
                    [
                        Self.namesItem("Added in \(newVersion)", crdsAdded),
                        Self.namesItem("Removed in \(newVersion)", crdsRemoved),
                    ].compactMap { $0 }.joined(separator: "\n")))
        }
        if !valuesAdded.isEmpty || !valuesRemoved.isEmpty || !valuesChanged.isEmpty {
            var parts: [String] = []
            let items = [Self.namesItem("Added", valuesAdded), Self.namesItem("Removed", valuesRemoved)].compactMap {
                $0
            }
            if !items.isEmpty { parts.append(items.joined(separator: "\n")) }
            if !valuesChanged.isEmpty { parts.append(valuesTable(oldVersion: oldVersion, newVersion: newVersion)) }
            sections.append(Self.section("Default values", parts.joined(separator: "\n\n")))
        }
        if !deprecatedAPIs.isEmpty {
            sections.append(
                Self.section(
                    "Deprecated APIs in the new chart",
                    deprecatedAPIs.map { "- " + Self.sentence($0) }.joined(separator: "\n")))
        }
        return sections.joined(separator: "\n\n")
    }

    private func valuesTable(oldVersion: String, newVersion: String) -> String {
        let cell = { (text: String) in MarkdownText.code(text).replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["| Key | \(oldVersion) | \(newVersion) |", "| --- | --- | --- |"]
        lines += valuesChanged.prefix(Self.markdownListLimit).map {
            "| \(cell($0.key)) | \(cell($0.old)) | \(cell($0.new)) |"
        }
        var table = lines.joined(separator: "\n")
        if valuesChanged.count > Self.markdownListLimit {
            table += "\n\nand \(valuesChanged.count - Self.markdownListLimit) more changed keys."
        }
        return table
    }

    private static func section(_ title: String, _ body: String) -> String {
        "### \(title)\n\n\(body)"
    }

    /// "- Added: `a`, `b` and 3 more", or `nil` for no names.
    private static func namesItem(_ label: String, _ names: [String]) -> String? {
        guard !names.isEmpty else { return nil }
        var item = "- \(label): " + names.prefix(markdownListLimit).map(MarkdownText.code).joined(separator: ", ")
        if names.count > markdownListLimit { item += " and \(names.count - markdownListLimit) more" }
        return item
    }

    /// The `deprecatedApiVersion` check's wording, with the place in the chart first.
    private static func sentence(_ use: DeprecatedUse) -> String {
        let component = use.api.componentName
        var text =
            "\(MarkdownText.code(use.file)) line \(use.line): \(MarkdownText.code("\(use.apiVersion) \(use.kind)"))"
        if use.status == .removed {
            text += " was removed in \(component) \(use.removedIn.map { "\($0)" } ?? "") (target \(use.target))"
        } else {
            text += " is deprecated since \(component) \(use.deprecatedIn.map { "\($0)" } ?? "")"
            if let removedIn = use.removedIn { text += " and is removed in \(removedIn)" }
        }
        if let replacement = use.replacement {
            text += ": use \(MarkdownText.code(replacement))"
            if let available = use.api.replacementAvailableIn { text += " (available since \(component) \(available))" }
        } else {
            text += ": it has no replacement"
        }
        if let note = use.api.note { text += "; \(note)" }
        return text
    }
}
