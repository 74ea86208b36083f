import Foundation

/// A real chart folder (such as `../shared/charts/podinfo-6.14.1`) packed as `helm package` packs
/// it: one `<name>/` folder in a gzipped tar, with the charts it depends on under `charts/`.
package enum ChartFolderArchive {
    package static func pack(_ folder: URL, name: String, subcharts: [(name: String, folder: URL)] = []) throws -> Data
    {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "shipshape-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let root = scratch.appending(path: name)
        try FileManager.default.copyItem(at: folder, to: root)
        if !subcharts.isEmpty {
            try FileManager.default.createDirectory(
                at: root.appending(path: "charts"), withIntermediateDirectories: true)
            for subchart in subcharts {
                try FileManager.default.copyItem(
                    at: subchart.folder, to: root.appending(path: "charts/\(subchart.name)"))
            }
        }
        let packed = try ProcessRunner.tool(
            "tar",
            [
                "--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner",
                "--mode=u+rwX,go+rX,go-w", "--use-compress-program=gzip -n",
                "-cf", "chart.tgz", name,
            ], in: scratch)
        guard packed.status == 0 else { throw FixtureError("tar could not pack chart \(name): \(packed.output)") }
        return try Data(contentsOf: scratch.appending(path: "chart.tgz"))
    }

    /// A chart of `../shared/charts`, by its folder name (`podinfo-6.14.1`).
    package static func shared(_ folderName: String) -> URL {
        SharedData.folder.appending(path: "charts/\(folderName)")
    }
}
