import ArgumentParser
import Bot
import Foundation
import Upgrades
import Vulnerabilities

/// `review --scan-images`: the images a change pins anew, scanned for vulnerabilities the images
/// they replace did not have, each commented on the line that pins it.
struct ImageReviewOptions: ParsableArguments {
    @Flag(
        name: .customLong("scan-images"),
        help: "Scan the images the change pins anew (advisories from --advisories, imported by scan-images).")
    var scanImages = false

    @Option(help: "The advisory database (SQLite). Default ~/.cache/shipshape/advisories.sqlite.")
    var advisories: String?

    @Option(
        name: .customLong("image-severity"),
        help: "Report image vulnerabilities at or above this severity: unknown, low, medium, high, critical.")
    var imageSeverity: String = "high"

    @Option(name: .customLong("image-platform"), help: "The platform read from multi-platform images.")
    var imagePlatform: String = "linux/amd64"

    @Option(
        name: .customLong("image-fix-candidates"),
        help: "Scan at most this many newer allowed tags, nearest first, for one with fewer vulnerabilities (0: none).")
    var imageFixCandidates: Int = FixingTagSearch.defaultLimit

    func validate() throws {
        guard Vulnerabilities.Severity(rawValue: imageSeverity) != nil else {
            let levels = Vulnerabilities.Severity.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--image-severity must be one of \(levels)")
        }
        guard ImagePlatform(parsing: imagePlatform) != nil else {
            throw ValidationError("--image-platform must be os/architecture[/variant], e.g. linux/arm64")
        }
        guard (0...100).contains(imageFixCandidates) else {
            throw ValidationError("--image-fix-candidates must be a whole number from 0 to 100")
        }
    }

    /// Nil without `--scan-images`. `upgrades`: registry logins and the policy newer tags follow.
    func setup(upgrades: UpgradeSettings, caBundle: String?, cache: String) throws -> VulnerabilitySetup? {
        guard scanImages else { return nil }
        let path = advisories ?? AdvisoryDatabase.defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(
                "\(path): no advisory database; import OSV exports with `shipshape scan-images --import-advisories`")
        }
        let database: AdvisoryDatabase
        do { database = try AdvisoryDatabase(path: path) } catch {
            throw CommandFailure("\(path): cannot open the advisory database (\(error))")
        }
        var settings = VulnerabilitySettings(
            advisoryDatabase: path, minimumSeverity: Vulnerabilities.Severity(rawValue: imageSeverity) ?? .high,
            platform: ImagePlatform(parsing: imagePlatform) ?? .linuxAMD64)
        settings.fixCandidates = imageFixCandidates
        do {
            return try VulnerabilitySetup(
                settings: settings, store: database, storeName: "SQLite \(path)", upgrades: upgrades,
                http: RegistryAccess.http(settings: upgrades, caBundle: caBundle),
                cache: DiskCache(folder: URL(fileURLWithPath: cache + "/upgrades")),
                layerFolder: URL(fileURLWithPath: cache + "/layers"))
        } catch { throw CommandFailure("\(error)") }
    }
}
