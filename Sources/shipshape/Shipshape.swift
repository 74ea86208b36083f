import ArgumentParser
import Foundation

@main
struct Shipshape: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipshape",
        abstract: "Reviews Kubernetes and GitOps configuration: policy checks, fixes and upgrades.",
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, ReviewCommand.self, FixCommand.self, UpgradeCommand.self, ChecksCommand.self,
            ServeCommand.self,
            KustomizeCommand.self, ScanImagesCommand.self, RenderWorkerCommand.self, DashboardPageCommand.self,
        ]
    )

    /// Exit statuses: 0 clean, 3 findings at or above `--fail-on`, 1 usage or I/O errors
    /// (argument-parser's own 64 for usage errors is folded into 1, as Polaris users expect).
    static func main() async {
        // `--version` alone is answered before argument-parser builds the command tree: building
        // it reflects over the commands, and each first protocol-conformance check scans all of
        // the binary's 10,000 conformance records (callgrind: 14.5 of 43 million instructions).
        // The output is argument-parser's own: the version and a newline.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            print(configuration.version)
            return
        }
        do {
            // `check` and `fix` on plain command lines skip argument-parser's reflection too (see
            // `PlainCommandLine`); their errors are reported below as argument-parser's would be.
            if let check = CheckCommand.plain(arguments) { return try await check.run() }
            if let fix = FixCommand.plain(arguments) { return try await fix.run() }
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code != .success, !(error is ExitCode) {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            } else if code == .success {
                print(fullMessage(for: error))
            }
            exit(withError: code == .success ? nil : ExitCode(code == .validationFailure ? 1 : code.rawValue))
        }
    }
}
