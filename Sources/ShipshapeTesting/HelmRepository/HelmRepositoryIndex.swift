import Foundation

/// Renders a Helm repository's `index.yaml` as `helm repo index` writes it: `apiVersion: v1`,
/// `entries` by chart name with the newest version first, `generated`.
enum HelmRepositoryIndex {
    struct Entry {
        var chart: HelmChartArchive
        var digest: String
        var created: Date
    }

    static func render(_ entries: [Entry], generated: Date) -> String {
        var lines = ["apiVersion: v1", entries.isEmpty ? "entries: {}" : "entries:"]
        let byName = Dictionary(grouping: entries, by: \.chart.name)
        for name in byName.keys.sorted() {
            lines.append("  \(SimpleYAML.quoted(name)):")
            let versions = byName[name, default: []].sorted { isNewer($0.chart.version, than: $1.chart.version) }
            for entry in versions { lines += render(entry).map { "  " + $0 } }
        }
        lines.append("generated: \(SimpleYAML.quoted(timestamp(generated)))")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ entry: Entry) -> [String] {
        let chart = entry.chart
        var fields = ["apiVersion: v2"]
        if let appVersion = chart.appVersion { fields.append("appVersion: \(SimpleYAML.quoted(appVersion))") }
        fields.append("created: \(SimpleYAML.quoted(timestamp(entry.created)))")
        fields.append("digest: \(entry.digest)")
        if let home = chart.home { fields.append("home: \(SimpleYAML.quoted(home))") }
        fields.append("name: \(SimpleYAML.quoted(chart.name))")
        if !chart.sources.isEmpty { fields += ["sources:"] + chart.sources.map { "- \(SimpleYAML.quoted($0))" } }
        fields += [
            "urls:", "- \(SimpleYAML.quoted("charts/\(chart.fileName)"))",
            "version: \(SimpleYAML.quoted(chart.version))",
        ]
        return ["- " + fields[0]] + fields.dropFirst().map { "  " + $0 }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Semantic-version precedence, enough for fixture versions: numeric core parts, a release
    /// above its pre-releases, build metadata ignored; text that is not a version compares as text.
    static func isNewer(_ left: String, than right: String) -> Bool {
        func parts(_ version: String) -> (core: [Int], prerelease: String?) {
            let withoutBuild = version.split(separator: "+", maxSplits: 1).first.map(String.init) ?? version
            let split = withoutBuild.split(separator: "-", maxSplits: 1).map(String.init)
            let core = (split.first ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "v")).split(separator: ".")
                .map { Int($0) ?? -1 }
            return (core, split.count > 1 ? split[1] : nil)
        }
        let (leftCore, leftPre) = parts(left)
        let (rightCore, rightPre) = parts(right)
        if leftCore != rightCore { return leftCore.lexicographicallyPrecedes(rightCore) == false }
        switch (leftPre, rightPre) {
        case (nil, nil): return left > right
        case (nil, _): return true
        case (_, nil): return false
        case (let leftText?, let rightText?):
            return leftText.compare(rightText, options: .numeric) == .orderedDescending
        }
    }
}
