import ArgumentParser
import FileNames
import Foundation
import Kustomize
import Manifests
import Policy
import Rendering

/// `shipshape check PATH...`: runs the catalogue over files and folders, and over what the
/// charts they deploy render to.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check Kubernetes manifests for misconfigurations and deprecated apiVersions.",
        discussion: """
            Charts are rendered with Helm's engine (libhelm_c) and their objects checked: Flux HelmReleases,
            Argo CD Applications and the tree's own chart folders; findings land on the values lines that caused them.
            Exit status: 0 when nothing at or above --fail-on was found, 3 when something was,
            1 on usage errors or files that cannot be read.
            """
    )

    @Argument(help: "Files and folders to check (.yaml, .yml and .json are read from folders).")
    var paths: [String]

    @OptionGroup var judgement: JudgementOptions

    @OptionGroup var rendering: RenderOptions

    @Option(
        help:
            "A Shipshape or Polaris configuration file (severities, exemptions, ignorePaths; upgrades: registry logins and mirrors for charts)."
    )
    var config: String?

    func run() async throws {
        let setup = try RunSetup.load(configPath: config, kubeVersion: judgement.kubernetesVersion)
        let listing: ManifestWalker.Listing
        do {
            listing = try ManifestWalker.list(CommandLinePaths.restore(paths))
        } catch {
            throw CommandFailure("\(error)")
        }
        let files = listing.files
        // Kustomization roots are built and their objects checked in place of their files; the
        // charts the tree deploys are rendered and their objects checked beside them.
        let isIgnored = { (path: String) in setup.configuration.isIgnored(path: path) }
        let plan = try await rendering.kustomizePlan(
            files: files, settingsFile: config, isIgnored: isIgnored, deferringObjects: true)
        var rendered = try await rendering.render(files: files, settingsFile: config)
        rendered.generated = plan.withoutChartsItBuilt(rendered.generated)
        rendered.notes.removeAll { plan.built($0.location.file) }
        // Findings wait for the report in a temporary file, so memory does not grow with them.
        var engine = setup.engine
        engine.findingSpill = Self.findingSpill()
        var report = plan.mergingAcrossRoots(
            engine.run(
                paths: plan.files, generated: plan.generated + rendered.generated, deferred: plan.deferred,
                source: RenderOptions.read),
            isIgnored: isIgnored)
        report.notes += plan.notes + rendered.noteLines
        for index in report.files.indices where report.files[index].status == .template {
            if rendered.renderedChartFolders.contains(where: { report.files[index].path.hasPrefix($0 + "/") }) {
                report.files[index].status = .checked
            }
        }
        // A folder that cannot be listed is reported as unreadable (exit status 1 after the
        // report); a FIFO or device named on the command line is skipped with a note.
        report.files += listing.unreadable.map {
            CheckReport.FileOutcome(
                path: $0.path, status: .unreadable, documents: 0, objects: 0, bytes: 0, error: $0.reason)
        }
        report.notes += listing.skipped.map(\.description)
        if let failure = engine.findingSpill?.failure { throw CommandFailure(failure) }
        if let writeError = engine.findingSpill?.writeError {
            FileHandle.standardError.write(Data("note: \(writeError); the findings were kept in memory\n".utf8))
        }
        switch judgement.format {
        case .text: StandardOutput.write(TextReport(useColor: judgement.color.enabled).render(report))
        case .json: JSONReport.stream(report) { StandardOutput.write($0) }
        case .sarif:
            SARIFReport.stream(report, checks: setup.configuration.checkMetadata, configuration: setup.configuration) {
                StandardOutput.write($0)
            }
        case .gitlabCodeQuality: GitLabCodeQualityReport.stream(report) { StandardOutput.write($0) }
        case .githubAnnotations: StandardOutput.write(GitHubAnnotationsReport.render(report))
        }
        if !report.unreadableFiles.isEmpty {
            for file in report.unreadableFiles {
                FileHandle.standardError.write(
                    Data("error: \(FileName.escaped(file.path)): \(file.error ?? "cannot be read")\n".utf8))
            }
            throw ExitCode(1)
        }
        if report.fails(at: judgement.failOn.severity) { throw ExitCode(3) }
    }

    /// A temporary file for findings in `$TMPDIR` (else /tmp), unlinked as soon as it is made; nil
    /// where none can be made (a read-only file system), and the findings stay in memory. It holds
    /// 8 GiB, or `SHIPSHAPE_FINDINGS_FILE_LIMIT` bytes (a tiny one shows the file is used).
    static func findingSpill() -> FindingSpill? {
        let environment = ProcessInfo.processInfo.environment
        let directory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let limit = environment["SHIPSHAPE_FINDINGS_FILE_LIMIT"].flatMap { Int64($0) } ?? 8 << 30
        return try? FindingSpill(directory: directory, maximumBytes: limit)
    }
}
