import Foundation

/// A Helm chart as a real `.tgz`: a `<name>/` folder with Chart.yaml (apiVersion v2), values.yaml,
/// `templates/` and `crds/`, packed by `tar` and `gzip` with fixed owners, modes and times, so the
/// same fields always give the same bytes (and the same digest in an index).
package struct HelmChartArchive: Sendable, Equatable {
    package var name: String
    package var version: String
    package var appVersion: String?
    package var home: String?
    package var sources: [String]
    /// values.yaml, as written.
    package var values: String
    /// File name under `templates/` → content.
    package var templates: [String: String]
    /// File name under `crds/` → content.
    package var crds: [String: String]

    package init(
        name: String, version: String, appVersion: String? = nil, home: String? = nil, sources: [String] = [],
        values: String = "", templates: [String: String] = [:], crds: [String: String] = [:]
    ) {
        self.name = name
        self.version = version
        self.appVersion = appVersion
        self.home = home
        self.sources = sources
        self.values = values
        self.templates = templates
        self.crds = crds
    }

    /// "<name>-<version>.tgz", what `helm package` names it.
    package var fileName: String { "\(name)-\(version).tgz" }

    package var chartYAML: String {
        var lines = ["apiVersion: v2", "name: \(SimpleYAML.quoted(name))", "version: \(SimpleYAML.quoted(version))"]
        if let appVersion { lines.append("appVersion: \(SimpleYAML.quoted(appVersion))") }
        if let home { lines.append("home: \(SimpleYAML.quoted(home))") }
        if !sources.isEmpty { lines += ["sources:"] + sources.map { "- \(SimpleYAML.quoted($0))" } }
        return lines.joined(separator: "\n") + "\n"
    }

    package func archive() throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-chart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = ["Chart.yaml": chartYAML, "values.yaml": values]
        for (file, text) in templates { files["templates/\(file)"] = text }
        for (file, text) in crds { files["crds/\(file)"] = text }
        for (path, text) in files {
            let url = folder.appending(path: "\(name)/\(path)")
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        // `gzip -n` leaves the time out of the gzip header; tar's own fields are fixed by the flags.
        let packed = try ProcessRunner.tool(
            "tar",
            [
                "--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner",
                "--mode=u+rwX,go+rX,go-w", "--use-compress-program=gzip -n",
                "-cf", "chart.tgz", name,
            ], in: folder)
        guard packed.status == 0 else {
            throw FixtureError("tar could not pack chart \(name) \(version): \(packed.output)")
        }
        return try Data(contentsOf: folder.appending(path: "chart.tgz"))
    }
}
