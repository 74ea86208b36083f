import Foundation
import ShipshapeTesting
import Testing

@testable import Upgrades

/// The text, JSON and list outputs of `shipshape upgrade`, byte for byte against `Golden/`
/// (`RECORD_GOLDEN=1` rewrites them): a small tree with a chart, images, a digest pin, a tag that
/// is no version, an allowed-only-minor rule and a registry that failed.
@Suite struct UpgradeReportGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Golden")

    static let tree = ScannedTree([
        "clusters/prod/cert-manager.yaml": """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: cert-manager}
        spec:
          chart:
            spec: {chart: cert-manager, version: v1.14.2, sourceRef: {kind: HelmRepository, name: jetstack}}
          values:
            image: {repository: quay.io/jetstack/cert-manager-controller, tag: v1.14.2}
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata: {name: jetstack}
        spec: {url: https://charts.jetstack.io}
        """,
        "apps/web.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - {name: web, image: "nginx:1.25.3-alpine@sha256:aaaa"}
                - {name: tools, image: "busybox:latest"}
                - {name: api, image: "ghcr.io/acme/api:2.0.0"}
        """,
    ])

    /// What a run against registries with these tags gives, chosen by the real selector.
    static func report() -> (UpgradeReport, UpgradeEditor.Outcome) {
        let versions: [String: [String]] = [
            "cert-manager": ["v1.14.2", "v1.14.5", "v1.15.0", "v2.0.0"],
            "quay.io/jetstack/cert-manager-controller": ["v1.14.2", "v1.14.5", "v1.15.0", "v2.0.0"],
            "nginx": ["1.25.3-alpine", "1.25.4-alpine", "1.27.0-alpine", "1.27.0"],
        ]
        var settings = UpgradeSettings()
        settings.rules = [UpgradeRule(patterns: ["cert-manager"], policy: UpgradePolicy(allow: .minor))]
        var report = UpgradeReport(detection: tree.report)
        for dependency in tree.report.dependencies {
            let (policy, scheme) = settings.policy(for: dependency)
            guard scheme.isVersion(dependency.currentValue) else {
                report.skipped.append(
                    .init(dependency: dependency, reason: "\(dependency.currentValue) is not a \(scheme.name) version"))
                continue
            }
            guard let candidates = versions[dependency.name] else {
                report.failures.append(
                    .init(
                        dependency: dependency,
                        reason:
                            "ghcr.io/acme/api: the registry refused access (401); give credentials for ghcr.io in the config or a Docker config.json"
                    ))
                continue
            }
            let choice = VersionSelector.choose(
                current: dependency.currentValue, candidates: candidates, scheme: scheme, policy: policy)
            guard let newest = choice.newestOverall else {
                report.upToDate.append(dependency)
                continue
            }
            report.upgrades.append(
                Upgrade(
                    dependency: dependency, newestAllowed: choice.newestAllowed, newestOverall: newest,
                    updateType: choice.updateType,
                    newValue: choice.newestAllowed.map {
                        scheme.newValue(current: dependency.currentValue, candidate: $0)
                    },
                    newDigest: dependency.digest == nil ? nil : "sha256:bbbb"))
        }
        let outcome = UpgradeEditor.apply(report.upgrades) { path in tree.files[path] ?? [] }
        return (report, outcome)
    }

    func compare(_ output: String, golden name: String) throws {
        try GoldenFile.check(output, against: Self.folder.appending(path: name))
    }

    @Test func textWithTheDiffOfADryRun() throws {
        let (report, outcome) = Self.report()
        #expect(outcome.applied.count == 3)
        try compare(UpgradeTextReport.render(report, outcome: outcome, dryRun: true), golden: "upgrade-dry-run.txt")
    }

    @Test func json() throws {
        let (report, outcome) = Self.report()
        try compare(
            try UpgradeJSONReport.render(report, outcome: outcome, dryRun: false) + "\n", golden: "upgrade.json")
    }

    @Test func list() throws {
        try compare(DependencyListReport.text(Self.tree.report), golden: "upgrade-list.txt")
        try compare(try DependencyListReport.json(Self.tree.report) + "\n", golden: "upgrade-list.json")
    }
}
