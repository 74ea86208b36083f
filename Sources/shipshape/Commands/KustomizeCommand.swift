import ArgumentParser
import Foundation
import Kustomize
import Review
import Upgrades

/// `shipshape kustomize build DIR`: the native kustomize builder on its own, printing what it
/// builds as YAML (hidden: for comparing with `kubectl kustomize`, see scripts/compare-kustomize).
struct KustomizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kustomize",
        abstract: "Build kustomizations natively (for comparison with kustomize).",
        shouldDisplay: false,
        subcommands: [Build.self]
    )

    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Print the objects a kustomization builds. Exit 0 built, 2 refused (a feature not built yet), 1 error."
        )

        @Argument(
            help:
                "The folder holding kustomization.yaml (several: each root's objects follow a `---` and `# root: FOLDER` line, sharing parsed files as `check` does)."
        )
        var folders: [String]

        @OptionGroup var render: RenderFlags

        @Option(help: "Also write the paths of every file the build read to this file, one a line.")
        var listFiles: String?

        func run() async throws {
            let remotes = render.remoteFetcher(cacheFolder: DiskCache.defaultFolder, caBundle: nil, settingsFile: nil)
            let trees = RemoteTrees()
            // Several roots share parsed files and built folders, as in `check`.
            var shared = folders.count > 1 ? BuildCache() : nil
            var status: Int32 = 0
            for folder in folders {
                if folders.count > 1 { print("---\n# root: \(folder)") }
                let built: BuiltRoot
                do {
                    built = try await remotes.building(into: trees) { trees, reuse in
                        if !reuse, shared != nil { shared = BuildCache() }
                        var builder = render.kustomizeBuilder(remotes: trees)
                        builder.cache = shared
                        return try builder.build(folder: folder)
                    }
                } catch {
                    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                    status = 1
                    continue
                }
                for warning in built.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
                for note in built.notes {
                    FileHandle.standardError.write(Data("refused [\(note.feature)]: \(note)\n".utf8))
                }
                if let listFiles {
                    try (built.files.sorted().joined(separator: "\n") + "\n").write(
                        toFile: listFiles, atomically: true, encoding: .utf8)
                }
                print(built.yaml, terminator: "")
                if !built.isComplete, status == 0 { status = 2 }
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
