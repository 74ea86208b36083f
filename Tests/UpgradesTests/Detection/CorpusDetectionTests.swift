import Foundation
import Manifests
import ShipshapeTesting
import Testing

@testable import Upgrades

/// Over the nine whole GitOps repositories of ../shared/corpus-gitops: what the scanner finds is
/// counted a second way, from the check engine's reading of the same files, and the two agree;
/// rewriting every version leaves every file parsing, with only version text changed.
@Suite struct CorpusDetectionTests {
    struct IndependentCount {
        var helmReleases: Set<String> = []
        var chartApplications: Set<String> = []
        var kustomizationImages = 0
        var taggedPodImages = 0
    }

    static let corpus = SharedData.folder.appending(path: "corpus-gitops").path

    /// Counted from `ManifestReader` objects and raw trees, without the scanner's code.
    static func countIndependently() throws -> IndependentCount {
        var count = IndependentCount()
        for file in try ManifestWalker.files(under: [corpus]) {
            let bytes = try FileContents.read(file)
            let manifest = ManifestReader.read(path: file, bytes: bytes)
            for object in manifest.objects {
                if object.apiVersion.hasPrefix("helm.toolkit.fluxcd.io/"), object.kind == "HelmRelease" {
                    count.helmReleases.insert("\(file) \(object.name)")
                }
                if object.apiVersion.hasPrefix("argoproj.io/"), ["Application", "ApplicationSet"].contains(object.kind)
                {
                    let spec =
                        object.kind == "Application" ? object.node["spec"] : object.node["spec", "template", "spec"]
                    let sources = [spec?["source"]].compactMap { $0 } + (spec?["sources"]?.items ?? [])
                    if sources.contains(where: { $0["chart"] != nil }) {
                        count.chartApplications.insert("\(file) \(object.name)")
                    }
                }
                for container in object.podTemplate?.allContainers ?? [] {
                    guard let image = container.image, !image.contains("{{") else { continue }
                    let lastPart = image.split(separator: "@")[0].split(separator: "/").last ?? ""
                    if lastPart.contains(":") { count.taggedPodImages += 1 }
                }
            }
            let isKustomization = ["kustomization.yaml", "kustomization.yml", "Kustomization"].contains(
                file.split(separator: "/").last.map(String.init) ?? "")
            if isKustomization {
                for document in YAMLParser.parse(bytes: bytes).documents {
                    count.kustomizationImages +=
                        document.root?["images"]?.items?.filter { $0["newTag"] != nil }.count ?? 0
                }
            }
        }
        return count
    }

    @Test func everyReleaseApplicationAndImageIsFound() throws {
        let report = try DependencyScanner.scan([Self.corpus])
        let expected = try Self.countIndependently()
        let origins = report.dependencies.map(\.origin) + report.notes.map(\.origin)
        let releases = Set(origins.filter { $0.kind == "HelmRelease" }.map { "\($0.file) \($0.name)" })
        #expect(releases == expected.helmReleases)
        #expect(
            expected.helmReleases.count == 251, "STATS.md: 34 HelmReleases with spec.chart + 217 with spec.chartRef")
        let applications = Set(
            origins.filter { ["Application", "ApplicationSet"].contains($0.kind) }.map { "\($0.file) \($0.name)" })
        #expect(expected.chartApplications.isSubset(of: applications))
        let kustomizationImages = report.dependencies.filter {
            $0.kind == .image && $0.origin.detail.hasPrefix("images[")
        }
        #expect(kustomizationImages.count == expected.kustomizationImages)
        let podImages = report.dependencies.filter {
            $0.origin.detail.hasPrefix("container ") || $0.origin.detail.hasPrefix("init container ")
        }
        #expect(podImages.count == expected.taggedPodImages)
        print(
            "corpus-gitops: \(report.dependencies.count) dependencies; \(releases.count) HelmReleases, \(applications.count) Argo objects, "
                + "\(kustomizationImages.count) kustomization images, \(podImages.count) pod images; \(report.notes.count) notes"
        )
    }

    @Test func rewritingEveryVersionKeepsEveryFileParsingAndChangesOnlyVersions() throws {
        let report = try DependencyScanner.scan([Self.corpus])
        var byFile: [String: [Dependency]] = [:]
        for dependency in report.dependencies where dependency.location.range != nil {
            byFile[dependency.location.file, default: []].append(dependency)
        }
        #expect(
            byFile.values.map(\.count).reduce(0, +) >= report.dependencies.count * 95 / 100,
            "nearly every version is editable in place")
        var edited = 0
        for (file, dependencies) in byFile {
            let original = try FileContents.read(file)
            let upgrades = dependencies.map {
                Upgrade(
                    dependency: $0, newestAllowed: "99.0.0", newestOverall: "99.0.0", updateType: .major,
                    newValue: "99.0.0")
            }
            let outcome = UpgradeEditor.apply(upgrades) { _ in original }
            #expect(outcome.refused.isEmpty, "\(file): \(outcome.refused.map(\.reason))")
            guard let changed = outcome.files[file] else { continue }
            let before = YAMLParser.parse(bytes: original)
            let after = YAMLParser.parse(bytes: changed)
            #expect(after.errors.count == before.errors.count, "\(file) no longer parses the same")
            #expect(after.documents.count == before.documents.count)
            let oldLines = String(decoding: original, as: UTF8.self).split(
                separator: "\n", omittingEmptySubsequences: false)
            let newLines = String(decoding: changed, as: UTF8.self).split(
                separator: "\n", omittingEmptySubsequences: false)
            #expect(oldLines.count == newLines.count)
            let changedLines = Set(
                zip(oldLines.indices, zip(oldLines, newLines)).filter { $0.1.0 != $0.1.1 }.map { $0.0 + 1 })
            #expect(
                changedLines.isSubset(of: Set(dependencies.map(\.location.line))),
                "\(file): lines other than versions changed")
            let imagesBefore = DependencyScanner.scan(contents: [(file, original)]).dependencies.filter {
                $0.kind == .image
            }
            let imagesAfter = DependencyScanner.scan(contents: [(file, changed)]).dependencies.filter {
                $0.kind == .image
            }
            #expect(
                imagesAfter.map(\.location.line) == imagesBefore.map(\.location.line),
                "\(file): the images read back differently")
            #expect(imagesAfter.allSatisfy { $0.currentValue == "99.0.0" }, "\(file): an image tag was not rewritten")
            edited += 1
        }
        #expect(edited > 300)
    }
}
