import Foundation
import PackagePlugin

/// Embeds data files into a target as Swift string constants, so the `shipshape` binary carries
/// its defaults and needs no files beside it: `config/`'s data into Policy, the comment
/// templates of `templates/` into Bot, the pages of `templates/dashboard/` into Dashboard.
@main
struct EmbedConfig: BuildToolPlugin {
    static let configFiles = ["checks.yaml", "deprecations.yaml"]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let inputs: [URL]
        if target.name == "Bot" || target.name == "Dashboard" {
            let folder = context.package.directoryURL.appending(
                path: target.name == "Bot" ? "templates" : "templates/dashboard")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path()).filter {
                $0.hasSuffix(".mustache")
            }.sorted()
            inputs = names.map { folder.appending(path: $0) }
        } else {
            let folder = context.package.directoryURL.appending(path: "config")
            inputs = Self.configFiles.map { folder.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedConfig.swift")
        return [
            .buildCommand(
                displayName: "Embedding data files into \(target.name)",
                executable: try context.tool(named: "embed-config").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
