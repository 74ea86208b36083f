import ArgumentParser
import FileNames
import Foundation
import HTTPKit
import Upgrades
import Vulnerabilities

/// `shipshape scan-images PATH...`: every image the files pin (as `upgrade` finds them), read
/// from its registry, its packages matched against OSV advisories imported into a local database.
struct ScanImagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan-images",
        abstract: "Scan every container image the files pin for known vulnerabilities (OSV advisories).",
        discussion: """
            Images are found as `upgrade` finds them and read from their registries (logins from the config's
            upgrades.registries or a Docker config.json; a registry with an upgrades.mirrors entry is read from
            its mirror). Packages: Debian/Ubuntu (dpkg, distroless status.d), Alpine (apk), RPM (SQLite rpmdb)
            and Go binaries' modules. Advisories come from OSV's per-ecosystem
            export archives (e.g. https://osv-vulnerabilities.storage.googleapis.com/Debian/all.zip), imported with
            --import-advisories into the --advisories database; every report says when each was imported.
            For each vulnerable image, the newer tags the config's upgrade policy allows are scanned, nearest first
            (at most --fix-candidates), and the first with fewer vulnerabilities at or above --severity and none new
            is named with what it fixes and what remains.
            Exit status: 0 when the run completed, 3 when a vulnerability at or above --fail-on was found,
            1 on usage errors or when the advisory data cannot be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    @Argument(help: "Files and folders to scan for pinned images.")
    var paths: [String]

    @Option(help: "Output format: text, json or sarif.")
    var format: Format = .text

    @Option(help: "Only show vulnerabilities at or above this severity: unknown, low, medium, high, critical.")
    var severity: String = "unknown"

    @Option(
        name: .customLong("fail-on"),
        help: "Exit with status 3 when a shown vulnerability is at or above this severity.")
    var failOn: String?

    @Option(help: "The advisory database (SQLite; created if missing). Default ~/.cache/shipshape/advisories.sqlite.")
    var advisories: String?

    @Option(
        name: .customLong("import-advisories"),
        help: "Import an OSV export archive (a file or an http(s) URL) before scanning; repeatable.")
    var importAdvisories: [String] = []

    @Option(help: "The platform taken from multi-platform images, os/architecture[/variant].")
    var platform: String = "linux/amd64"

    @Option(
        name: .customLong("cache-dir"),
        help: "Where what each image layer holds is kept between runs, by digest (default ~/.cache/shipshape/layers).")
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Keep no layer between runs.")
    var noCache = false

    @Option(
        name: .customLong("fix-candidates"),
        help: ArgumentHelp(
            "For each vulnerable image, scan at most this many newer tags the upgrade policy allows, nearest first, for one with fewer vulnerabilities (0: look for none)."
        ))
    var fixCandidates: Int = FixingTagSearch.defaultLimit

    @Option(
        help:
            "A Shipshape configuration file; its upgrades: section gives registry logins, mirrors and upgrade policies."
    )
    var config: String?

    @Option(
        name: .customLong("ca-bundle"), help: "Trust the certificate authorities in this PEM file (private registries)."
    )
    var caBundle: String?

    func validate() throws {
        guard Severity(rawValue: severity) != nil else {
            throw ValidationError(
                "--severity must be one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let failOn, Severity(rawValue: failOn) == nil {
            throw ValidationError(
                "--fail-on must be one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ImagePlatform(parsing: platform) != nil else {
            throw ValidationError("--platform must be os/architecture[/variant], e.g. linux/arm64")
        }
        guard (0...100).contains(fixCandidates) else {
            throw ValidationError("--fix-candidates must be a whole number from 0 to 100")
        }
    }

    func run() async throws {
        let settings = try RegistryAccess.settings(configPath: config)
        let http = RegistryAccess.http(settings: settings, caBundle: caBundle)
        let database = try openDatabase()
        for source in importAdvisories {
            do {
                let summary = try await OSVExportImporter(http: http).importExport(
                    from: source, into: database, now: Date())
                FileHandle.standardError.write(
                    Data("imported \(summary.imported) \(summary.export) advisories from \(source)\n".utf8))
                for problem in summary.problems { FileHandle.standardError.write(Data("\(source): \(problem)\n".utf8)) }
            } catch { throw CommandFailure("\(error)") }
        }
        let detection: DetectionReport
        do { detection = try DependencyScanner.scan(CommandLinePaths.restore(paths)) } catch {
            throw CommandFailure("\(error)")
        }
        let registry: RegistryClient
        do {
            registry = RegistryClient(
                http: http, credentials: try settings.registryCredentials(), plainHTTPHosts: settings.plainHTTPHosts)
        } catch {
            throw CommandFailure("\(error)")
        }
        let cache = LayerCache(
            folder: noCache ? nil : cacheDirectory.map { URL(fileURLWithPath: $0) } ?? LayerCache.defaultFolder)
        let reader = ImageContentsReader(
            registry: registry, platform: ImagePlatform(parsing: platform) ?? .linuxAMD64, cache: cache,
            mirrors: settings.mirrors)
        let scanner = ImageScanner(reader: reader, matcher: VulnerabilityMatcher(database: database))
        var results = await scanner.scan(ImageScanner.images(in: detection))
        let minimumSeverity = Severity(rawValue: severity) ?? .unknown
        if fixCandidates > 0 {
            let lookup: VersionLookup
            do { lookup = try VersionLookup.make(settings: settings, http: http, cache: DiskCache(folder: nil)) } catch
            {
                throw CommandFailure("\(error)")
            }
            let allowed = AllowedTags(planner: UpgradePlanner(settings: settings, lookup: lookup))
            let search = FixingTagSearch(
                scanner: scanner, minimumSeverity: minimumSeverity, limit: fixCandidates,
                allowedTags: { await allowed($0) })
            results = await search.annotate(results, pinnedBy: detection)
        }
        let report = ImageScanReport(
            generatedAt: Date(), advisoryImports: try await database.imports(),
            minimumSeverity: minimumSeverity, images: results)
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(try report.json(), terminator: "")
        case .sarif: print(try report.sarif(), terminator: "")
        }
        if let failOn = failOn.flatMap(Severity.init(rawValue:)),
            report.images.contains(where: { $0.vulnerabilities.contains { $0.severity >= failOn } })
        {
            throw ExitCode(3)
        }
    }

    private func openDatabase() throws -> AdvisoryDatabase {
        let path = advisories ?? AdvisoryDatabase.defaultPath
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            return try AdvisoryDatabase(path: path)
        } catch { throw CommandFailure("\(path): cannot open the advisory database (\(error))") }
    }
}
