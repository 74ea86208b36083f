import ArgumentParser
import Foundation
import Manifests
import Policy

/// `shipshape check PATH...`: runs the catalogue over files and folders.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check Kubernetes manifests for misconfigurations and deprecated apiVersions.",
        discussion: """
        Exit status: 0 when nothing at or above --fail-on was found, 3 when something was,
        1 on usage errors or files that cannot be read.
        """
    )

    @Argument(help: "Files and folders to check (.yaml, .yml and .json are read from folders).")
    var paths: [String]

    @Option(help: "A Shipshape or Polaris configuration file (severities, exemptions, ignorePaths).")
    var config: String?

    @Option(help: "Output format: text, json or sarif.")
    var format: ReportFormat = .text

    @Option(name: .customLong("kube-version"), help: "The Kubernetes release to judge apiVersions against, such as 1.33 (default: the newest in the data).")
    var kubeVersion: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 3: danger, warning or never.")
    var failOn: FailThreshold = .danger

    @Option(help: "Colour in text output: auto, always or never.")
    var color: ColorMode = .auto

    func validate() throws {
        if let kubeVersion, ReleaseVersion(kubeVersion) == nil {
            throw ValidationError("--kube-version must be a release such as 1.33, not \(kubeVersion)")
        }
    }

    func run() throws {
        let setup = try RunSetup.load(configPath: config, kubeVersion: kubeVersion.flatMap(ReleaseVersion.init))
        let files: [String]
        do {
            files = try ManifestWalker.files(under: paths)
        } catch {
            throw CommandFailure("\(error)")
        }
        let report = setup.engine.run(paths: files) { path in try FileContents.read(path) }
        let output: String
        switch format {
        case .text: output = TextReport(useColor: color.enabled).render(report)
        case .json: output = JSONReport.render(report)
        case .sarif: output = SARIFReport.render(report, checks: Catalogue.metadata, configuration: setup.configuration)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if !report.unreadableFiles.isEmpty {
            for file in report.unreadableFiles {
                FileHandle.standardError.write(Data("error: \(file.path): \(file.error ?? "cannot be read")\n".utf8))
            }
            throw ExitCode(1)
        }
        if report.fails(at: failOn.severity) { throw ExitCode(3) }
    }
}
