import Foundation

/// Charts whose `values.schema.json` refers to schemas on the web (`"$ref": "https://..."`)
/// would make Helm fetch them while rendering. Rendering never touches the network, so such
/// schemas are set aside in a copy of the chart, and a note says validation was off.
enum RemoteSchemas {
    /// The schema files under `folder` (the chart's and its subcharts') that refer to the web.
    static func files(in folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        var found: [URL] = []
        for case let url as URL in walker where url.lastPathComponent == "values.schema.json" {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            if text.contains("\"$ref\""), text.contains("\"http://") || text.contains("\"https://") {
                found.append(url)
            }
        }
        return found
    }

    /// Moves the remote-referring schemas of `folder` aside; returns the charts whose schema it was.
    static func setAside(in folder: URL) -> [String] {
        files(in: folder).compactMap { schema in
            let aside = schema.deletingLastPathComponent().appending(path: "values.schema.json.remote-refs")
            guard (try? FileManager.default.moveItem(at: schema, to: aside)) != nil else { return nil }
            return schema.deletingLastPathComponent().lastPathComponent
        }
    }
}
