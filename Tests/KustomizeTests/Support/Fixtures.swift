import Foundation

/// Folders of `Fixtures/`: each holds `tree/` (the files of a repository), `root` (the folder
/// inside `tree/` to build) and `expected.yaml` (what kustomize v5.5.0 built, recorded with
/// `kubectl kustomize`; `scripts/compare-kustomize --record` records corpus roots).
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    static func cases(_ group: String) -> [String] {
        let path = folder + "/" + group
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: path + "/" + $0 + "/expected.yaml") }.sorted().map
        { group + "/" + $0 }
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
    }
}
