import ArgumentParser
import FileNames
import Fixes
import Foundation
import HTTPKit
import Manifests
import Upgrades

/// `shipshape upgrade PATH...`: finds pinned image tags and chart versions, lists the outdated
/// ones, and (without --dry-run) writes the newest allowed versions into the files.
struct UpgradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract:
            "Find outdated container images and Helm charts (Flux, Argo CD, kustomize, Helm) and upgrade them in place.",
        discussion: """
            Zero configuration: images in pod specs, kustomizations and Helm values; charts of Flux HelmReleases,
            Argo CD Applications, kustomize helmCharts and Chart.yaml dependencies. Versions come from the OCI
            registries (logins from the config's upgrades.registries or a Docker config.json) and Helm repositories.
            Only the version text changes in the files. Exit status: 0 when the run completed (dependencies that could
            not be checked are listed), 1 on usage errors or files that cannot be read or written.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Files and folders to scan.")
    var paths: [String]

    @Flag(name: .customLong("dry-run"), help: "List what is outdated and show the edits as a diff; change no file.")
    var dryRun = false

    @Flag(help: "Only list the dependencies found (file, line, version, source); ask no registry, change no file.")
    var list = false

    @Option(help: "Only dependencies with this name or add-on (`*` wildcards), e.g. cert-manager.")
    var only: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "A Shipshape configuration file; its upgrades: section sets policies and registry logins.")
    var config: String?

    @Option(
        name: .customLong("cache-dir"),
        help: "Where Helm indexes and tag lists are kept between runs (default ~/.cache/shipshape/upgrades).")
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Ask every registry and Helm repository again; keep nothing.")
    var noCache = false

    @Option(
        name: .customLong("ca-bundle"),
        help: "Trust the certificate authorities in this PEM file (private registries); TLS is always verified.")
    var caBundle: String?

    func run() async throws {
        let settings = try RegistryAccess.settings(configPath: config)
        let detection: DetectionReport
        do { detection = try DependencyScanner.scan(CommandLinePaths.restore(paths)) } catch {
            throw CommandFailure("\(error)")
        }
        if list {
            switch format {
            case .text: print(DependencyListReport.text(detection), terminator: "")
            case .json: print(try DependencyListReport.json(detection))
            }
            return
        }
        let http = RegistryAccess.http(settings: settings, caBundle: caBundle)
        let cache = DiskCache(
            folder: noCache ? nil : cacheDirectory.map { URL(fileURLWithPath: $0) } ?? DiskCache.defaultFolder)
        let lookup: VersionLookup
        do {
            lookup = try VersionLookup.make(
                settings: settings, http: http, cache: cache, tagListLifetime: noCache ? .zero : .seconds(15 * 60))
        } catch { throw CommandFailure("\(error)") }
        let report = await UpgradePlanner(settings: settings, lookup: lookup).plan(detection, only: only)
        let outcome = UpgradeEditor.apply(report.upgrades) { path in try FileContents.read(path) }
        // A file that cannot be written (read-only, a full disk) is named and left whole; the
        // other files are still upgraded, and the exit status says so.
        var unwritten: [String] = []
        if !dryRun {
            for (path, bytes) in outcome.files.sorted(by: { $0.key < $1.key }) {
                do { try FileContents.write(bytes, to: path) } catch {
                    unwritten.append("\(FileName.escaped(path)): \(error.reason)")
                }
            }
        }
        switch format {
        case .text: print(UpgradeTextReport.render(report, outcome: outcome, dryRun: dryRun), terminator: "")
        case .json: print(try UpgradeJSONReport.render(report, outcome: outcome, dryRun: dryRun))
        }
        for line in unwritten { FileHandle.standardError.write(Data("error: \(line)\n".utf8)) }
        if !unwritten.isEmpty { throw ExitCode(1) }
    }
}
