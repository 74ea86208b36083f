import Foundation

/// Chart.yaml read from a chart archive, as the JSON object `helm push` puts in an OCI chart's
/// config. Reads top-level scalars, lists of scalars (`sources`, `keywords`) and lists of flat
/// maps (`maintainers`, `dependencies`), which is all Chart.yaml holds in practice.
enum HelmChartMetadata {
    static func read(fromArchive archive: Data, scratch: URL) throws -> [String: Any] {
        let folder = scratch.appending(path: "chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try archive.write(to: folder.appending(path: "chart.tgz"))
        let listing = try ProcessRunner.tool("tar", ["-tzf", "chart.tgz"], in: folder)
        // The chart's own Chart.yaml, not a subchart's under <name>/charts/.
        guard listing.status == 0,
            let member = listing.output.split(separator: "\n").first(where: {
                $0.hasSuffix("/Chart.yaml") && $0.split(separator: "/").count == 2
            })
        else {
            throw FixtureError("chart archive has no <name>/Chart.yaml: \(listing.output.prefix(500))")
        }
        let extracted = try ProcessRunner.tool("tar", ["-xzf", "chart.tgz", String(member)], in: folder)
        guard extracted.status == 0 else { throw FixtureError("could not extract \(member): \(extracted.output)") }
        return parse(try String(contentsOf: folder.appending(path: String(member)), encoding: .utf8))
    }

    static func parse(_ yaml: String) -> [String: Any] {
        var object: [String: Any] = [:]
        var listKey: String?
        var list: [Any] = []
        func finishList() {
            // A nested map (`annotations:`) is not read; it is left out rather than made an empty list.
            if let key = listKey, !list.isEmpty { object[key] = list }
            listKey = nil
            list = []
        }
        for line in yaml.split(separator: "\n") {
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty || content.hasPrefix("#") || content == "---" { continue }
            if line.first != " ", !content.hasPrefix("- "), let colon = content.firstIndex(of: ":") {
                finishList()
                let key = String(content[..<colon])
                let rest = content[content.index(after: colon)...]
                if rest.trimmingCharacters(in: .whitespaces).isEmpty {
                    listKey = key
                } else {
                    object[key] = SimpleYAML.value(rest)
                }
            } else if listKey != nil, content.hasPrefix("- ") {
                let item = content.dropFirst(2)
                if let (key, value) = pair(item) {
                    list.append([key: value])
                } else {
                    list.append(SimpleYAML.value(item))
                }
            } else if listKey != nil, var last = list.last as? [String: Any],
                let (key, value) = pair(Substring(content))
            {
                last[key] = value
                list[list.count - 1] = last
            }
        }
        finishList()
        return object
    }

    /// "key: value" (not a quoted scalar that happens to hold a colon, nor a URL's "https:").
    private static func pair(_ text: Substring) -> (String, Any)? {
        guard !text.hasPrefix("\""), !text.hasPrefix("'"), let separator = text.range(of: ": ") else { return nil }
        return (String(text[..<separator.lowerBound]), SimpleYAML.value(text[separator.upperBound...]))
    }
}
