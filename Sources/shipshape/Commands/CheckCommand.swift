import ArgumentParser
import Foundation
import Kustomize
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

    @OptionGroup var judgement: JudgementOptions

    @Option(help: "A Shipshape or Polaris configuration file (severities, exemptions, ignorePaths).")
    var config: String?


    func run() throws {
        let setup = try RunSetup.load(configPath: config, kubeVersion: judgement.kubernetesVersion)
        let files: [String]
        do {
            files = try ManifestWalker.files(under: paths)
        } catch {
            throw CommandFailure("\(error)")
        }
        // Kustomization roots are built and their objects checked in place of their files.
        let isIgnored = { (path: String) in setup.configuration.isIgnored(path: path) }
        let plan = KustomizeCheckPlan.make(files: files, isIgnored: isIgnored)
        var report = plan.mergingAcrossRoots(setup.engine.run(paths: plan.files, generated: plan.generated) { path in try FileContents.read(path) },
                                             isIgnored: isIgnored)
        report.notes += plan.notes
        switch judgement.format {
        case .text: StandardOutput.write(TextReport(useColor: judgement.color.enabled).render(report))
        case .json: JSONReport.stream(report) { StandardOutput.write($0) }
        case .sarif: SARIFReport.stream(report, checks: Catalogue.metadata, configuration: setup.configuration) { StandardOutput.write($0) }
        }
        if !report.unreadableFiles.isEmpty {
            for file in report.unreadableFiles {
                FileHandle.standardError.write(Data("error: \(file.path): \(file.error ?? "cannot be read")\n".utf8))
            }
            throw ExitCode(1)
        }
        if report.fails(at: judgement.failOn.severity) { throw ExitCode(3) }
    }
}
