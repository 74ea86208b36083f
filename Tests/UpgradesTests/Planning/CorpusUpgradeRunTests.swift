import Foundation
import HTTPKit
import Manifests
import ShipshapeTesting
import Testing

@testable import Upgrades

/// Whole GitOps repositories of the corpus upgraded against a real registry that knows a newer
/// tag of every image and OCI chart it pins, and a Helm repository server that knows a newer
/// version of every chart: reached through `upgrades.mirrors`, as an air-gapped user would.
/// Every pinned version is upgraded and nothing but version text changes.
@Suite(.serialized) struct CorpusUpgradeRunTests {
    /// Flux with OCI charts (onedr0p), Argo CD with Helm repositories (konstructio), Flux with Helm repositories (k8s-at-home).
    static let repositories = [
        "onedr0p__home-ops", "konstructio__gitops-template", "k8s-at-home__template-cluster-k3s",
    ]
    .map { SharedData.folder.appending(path: "corpus-gitops/\($0)").path }

    /// `v1.2.3-alpine` → `v1.2.4-alpine`: the last number of the release part, plus one.
    static func bumped(_ tag: String) -> String? {
        let release = tag.split(separator: "-", maxSplits: 1)[0]
        guard let last = release.lastIndex(where: \.isNumber) else { return nil }
        var start = last
        while start > release.startIndex, release[release.index(before: start)].isNumber {
            start = release.index(before: start)
        }
        guard let number = Int(release[start...last]) else { return nil }
        return String(tag[..<start]) + String(number + 1) + String(tag[tag.index(after: last)...])
    }

    @Test func everyPinnedVersionMovesAndOnlyVersionTextChanges() async throws {
        let detection = try DependencyScanner.scan(Self.repositories)
        let settings = UpgradeSettings()
        let pinned = detection.dependencies.filter {
            settings.policy(for: $0).scheme.isVersion($0.currentValue) && Self.bumped($0.currentValue) != nil
        }
        #expect(pinned.count > 170)

        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        var indexes: [String: [String: Set<String>]] = [:]
        var mirrors: [String: String] = [:]
        var tagsByRepository: [String: Set<String>] = [:]
        for dependency in pinned {
            let newer = Self.bumped(dependency.currentValue)!
            switch dependency.source {
            case .registry(let host, let repository):
                mirrors[host] = "\(registry.host)/\(host)"
                tagsByRepository["\(host)/\(repository)", default: []].formUnion([dependency.currentValue, newer])
            case .helmRepository(let url, let chart):
                indexes[PackageSource.trimmed(url), default: [:]][chart, default: []].formUnion([
                    dependency.currentValue, newer,
                ])
            }
        }
        for (repository, tags) in tagsByRepository {
            try registry.pushImage(
                repository: repository, tags: Array(tags).map { $0.replacingOccurrences(of: "+", with: "_") })
        }
        let indexPaths = Dictionary(
            uniqueKeysWithValues: indexes.keys.map {
                ($0, "/" + $0.split(separator: "/").dropFirst().joined(separator: "/"))
            })
        let served = indexes
        let helm = try LoopbackHTTPServer { request in
            guard request.path.hasSuffix("/index.yaml"),
                let original = indexPaths.first(where: { $0.value + "/index.yaml" == request.path })?.key,
                let charts = served[original]
            else {
                return .respond(ServedResponse(status: 404))
            }
            var text = "apiVersion: v1\nentries:\n"
            for (chart, versions) in charts {
                text +=
                    "  \(chart):\n"
                    + versions.map { "    - {name: \(chart), version: \"\($0)\", urls: [\"\(chart)-\($0).tgz\"]}\n" }
                    .joined()
            }
            return .respond(
                ServedResponse(status: 200, headers: [("Content-Type", "application/x-yaml")], body: Data(text.utf8)))
        }
        defer { helm.shutdown() }
        for (original, path) in indexPaths { mirrors[original] = helm.baseURL.absoluteString + path }

        var mirrored = settings
        mirrored.mirrors = SourceMirrors(mirrors)
        let lookup = try VersionLookup.make(
            settings: mirrored, http: CurlHTTPClient(), cache: DiskCache(folder: nil), tagListLifetime: .zero)
        let report = await UpgradePlanner(settings: mirrored, lookup: lookup).plan(detection)
        #expect(report.failures.isEmpty, "\(report.failures.prefix(3).map(\.reason))")
        #expect(report.upgrades.count == pinned.count)
        // Where one repository is pinned at several versions across files, all move to the newest.
        var newestBump: [PackageSource: String] = [:]
        for dependency in pinned {
            let bump = Self.bumped(dependency.currentValue)!
            let scheme = settings.policy(for: dependency).scheme
            if newestBump[dependency.source].map({ scheme.compare(bump, $0) > 0 }) ?? true {
                newestBump[dependency.source] = bump
            }
        }
        for upgrade in report.upgrades {
            #expect(
                upgrade.newValue == newestBump[upgrade.dependency.source],
                "\(upgrade.dependency.location) \(upgrade.dependency.currentValue)")
        }
        let pinnedDigests = report.upgrades.filter { $0.dependency.digest != nil }
        #expect(
            !pinnedDigests.isEmpty && pinnedDigests.allSatisfy { $0.newDigest?.hasPrefix("sha256:") == true },
            "tag@digest pins get the new tag's digest")
        let tagLists = try registry.requestLog().filter { $0.contains("/tags/list") }
        #expect(tagLists.count == tagsByRepository.count, "one tag-list request per distinct repository")
        #expect(helm.requestsServed == indexes.count, "one index request per Helm repository")

        let outcome = UpgradeEditor.apply(report.upgrades) { path in try FileContents.read(path) }
        #expect(outcome.refused.isEmpty, "\(outcome.refused.prefix(3).map(\.reason))")
        var upgradesByLine: [String: [Int: [Upgrade]]] = [:]
        for upgrade in outcome.applied {
            upgradesByLine[upgrade.dependency.location.file, default: [:]][
                upgrade.dependency.location.line, default: []
            ].append(upgrade)
        }
        for (file, changed) in outcome.files {
            let original = try FileContents.read(file)
            #expect(
                YAMLParser.parse(bytes: changed).errors.count == YAMLParser.parse(bytes: original).errors.count,
                "\(file)")
            let oldLines = String(decoding: original, as: UTF8.self).components(separatedBy: "\n")
            let newLines = String(decoding: changed, as: UTF8.self).components(separatedBy: "\n")
            #expect(oldLines.count == newLines.count)
            for (index, (old, new)) in zip(oldLines, newLines).enumerated() where old != new {
                let upgrades = upgradesByLine[file]?[index + 1] ?? []
                var expected = old
                for upgrade in upgrades {
                    expected = expected.replacingOccurrences(
                        of: upgrade.dependency.currentValue, with: upgrade.newValue ?? "")
                    if let old = upgrade.dependency.digest, let new = upgrade.newDigest {
                        expected = expected.replacingOccurrences(of: old, with: new)
                    }
                }
                #expect(new == expected, "\(file):\(index + 1): \(old) → \(new)")
            }
        }
        print(
            "three corpus repositories: \(pinned.count) pinned versions upgraded in \(outcome.files.count) files; "
                + "\(tagsByRepository.count) registry repositories, \(indexes.count) Helm repositories")
    }
}
