import PackagePlugin

/// Embeds the data files of `config/` into the target as Swift string constants,
/// so the `shipshape` binary carries its defaults and needs no files beside it.
@main
struct EmbedConfig: BuildToolPlugin {
    static let embeddedFiles = ["checks.yaml", "deprecations.yaml"]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let configFolder = context.package.directoryURL.appending(path: "config")
        let inputs = Self.embeddedFiles.map { configFolder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedConfig.swift")
        return [
            .buildCommand(
                displayName: "Embedding config/ into \(target.name)",
                executable: try context.tool(named: "embed-config").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
