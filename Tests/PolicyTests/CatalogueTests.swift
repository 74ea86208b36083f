import Foundation
import Testing

@testable import Policy

/// Meta-tests over the catalogue: what kube-linter and Polaris found missing only in review.
@Suite struct CatalogueTests {
    static let checksFolder = TestPaths.repository.appending(path: "Sources/Policy/Checks")

    @Test func idsAreUnique() {
        let ids = Catalogue.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func everyCheckFileIsNamedAfterItsIdAndListed() throws {
        let files = TestPaths.files(in: Self.checksFolder, withExtensions: ["swift"])
            .filter { $0.deletingLastPathComponent().lastPathComponent != "Support" }
        let stems = Set(files.map { $0.deletingPathExtension().lastPathComponent })
        #expect(stems == Catalogue.ids, "Checks/<Category>/<id>.swift must match Catalogue.all one to one")
        for file in files {
            let stem = file.deletingPathExtension().lastPathComponent
            let source = try String(contentsOf: file, encoding: .utf8)
            #expect(source.contains("id: \"\(stem)\""), "\(file.lastPathComponent) must declare the id \(stem)")
        }
    }

    @Test func everyCheckHasADefaultSeverityAndNothingElseDoes() throws {
        let defaults = try BundledData.defaultConfiguration()
        #expect(Set(defaults.severities.keys) == Catalogue.ids)
        #expect(defaults.notes.isEmpty)
    }

    @Test func polarisSeveritiesAreKept() throws {
        let defaults = try BundledData.defaultConfiguration()
        let dangers: Set<String> = [
            "tagNotSpecified", "hostIPCSet", "hostPIDSet", "privilegeEscalationAllowed", "runAsRootAllowed",
            "runAsPrivileged",
            "dangerousCapabilities", "hostNetworkSet", "sensitiveContainerEnvVar", "sensitiveConfigmapContent",
            "clusterrolePodExecAttach", "rolePodExecAttach", "clusterrolebindingPodExecAttach",
            "rolebindingClusterRolePodExecAttach",
            "rolebindingRolePodExecAttach", "clusterrolebindingClusterAdmin", "rolebindingClusterAdminClusterRole",
            "rolebindingClusterAdminRole",
        ]
        let polaris = Catalogue.metadata.filter { ![CheckCategory.compatibility, .syntax].contains($0.category) }
            .map(\.id).filter { !["missingResourceQuota", "missingLimitRange"].contains($0) }
        #expect(polaris.count == 44)
        for id in polaris {
            #expect(defaults.severity(of: id) == (dangers.contains(id) ? .danger : .warning), "\(id)")
        }
    }

    @Test func metadataIsComplete() {
        for check in Catalogue.metadata {
            #expect(!check.title.isEmpty && !check.description.isEmpty, "\(check.id)")
            #expect(
                check.remediation.hasSuffix("."), "remediation of \(check.id) must be a sentence ending with a period")
            #expect(check.description.hasSuffix("."), "description of \(check.id) must end with a period")
        }
    }

    @Test func everyCheckHasFailingAndPassingFixtures() {
        let folder = TestPaths.fixtures.appending(path: "checks")
        for id in Catalogue.ids {
            let names = TestPaths.files(in: folder.appending(path: id)).map(\.lastPathComponent)
            #expect(names.contains { $0.hasPrefix("failure.") }, "\(id) has no failure fixture")
            #expect(names.contains { $0.hasPrefix("success.") }, "\(id) has no success fixture")
        }
    }

    @Test func generatedCatalogueDocumentIsCurrent() throws {
        let expected = CatalogueDocument.markdown(
            checks: Catalogue.metadata, configuration: try BundledData.defaultConfiguration())
        let committed = try String(contentsOf: TestPaths.repository.appending(path: "docs/checks.md"), encoding: .utf8)
        #expect(
            committed == expected, "docs/checks.md is stale: run `shipshape checks --format markdown > docs/checks.md`")
    }

    /// Every link a finding carries (SARIF's helpUri, the comments' docs link) lands on a heading of
    /// docs/checks.md, the checks reviews make at run time included; none of those is a catalogue id.
    @Test func everyDocumentationLinkHasItsSection() throws {
        let document = CatalogueDocument.markdown(
            checks: Catalogue.metadata, configuration: try BundledData.defaultConfiguration())
        let headings = Set(
            document.split(separator: "\n").filter { $0.hasPrefix("### ") }.map { $0.dropFirst(4).lowercased() })
        for check in Catalogue.metadata + Catalogue.reviewChecks.map(\.metadata) {
            let anchor = try #require(check.documentationURL.split(separator: "#").last)
            #expect(headings.contains(String(anchor)), "\(check.id): no section for #\(anchor)")
        }
        #expect(Catalogue.reviewChecks.map(\.metadata.id) == ["vulnerableImage"])
        #expect(Catalogue.ids.isDisjoint(with: Catalogue.reviewChecks.map(\.metadata.id)))
        #expect(
            document.contains("| [`vulnerableImage`](#vulnerableimage) | `danger` when a vulnerability is critical"))
    }
}
