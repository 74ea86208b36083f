import Manifests
import Testing

@testable import Policy

@Suite struct DeprecationTests {
    @Test func theDataFileIsWellFormed() throws {
        let table = try BundledData.deprecations()
        let keys = table.entries.map { "\($0.apiVersion) \($0.kind ?? "*")" }
        #expect(Set(keys).count == keys.count, "one row per apiVersion and kind")
        #expect(
            table.newestKubernetes.map { $0 >= ReleaseVersion("1.35")! } == true,
            "the data covers Kubernetes 1.35 or newer")
        for entry in table.entries {
            #expect(table.targets[entry.component] != nil, "\(entry.component) has a default target version")
            if let deprecated = entry.deprecatedIn, let removed = entry.removedIn {
                #expect(deprecated <= removed, "\(entry.apiVersion) \(entry.kind ?? ""): deprecated after removal")
            }
        }
        for component in ["kubernetes", "cert-manager", "flux", "external-secrets"] {
            #expect(table.entries.contains { $0.component == component }, "no rows for \(component)")
        }
    }

    /// The CLI's table is parsed on first use (issue 22's start-up): not before, and then the same
    /// rows, targets and answers as parsing the file at once.
    @Test func theTableReadOnFirstUseIsTheFileParsed() throws {
        let parsed = try BundledData.deprecations()
        let deferred = BundledData.deprecationsReadOnFirstUse()
        #expect(!deferred.hasBeenRead)
        let settings = EvaluationSettings(deprecations: deferred)
        #expect(!settings.deprecations.hasBeenRead, "making the settings does not read the table")
        #expect(deferred.entry(apiVersion: "extensions/v1beta1", kind: "Ingress")?.removedIn == ReleaseVersion("1.22"))
        #expect(deferred.hasBeenRead)
        #expect(deferred.entries == parsed.entries)
        #expect(deferred.targets == parsed.targets)
        for row in parsed.entries {
            let kind = row.kind ?? "SomeKind"
            #expect(
                deferred.entry(apiVersion: row.apiVersion, kind: kind)
                    == parsed.entry(apiVersion: row.apiVersion, kind: kind))
        }
    }

    @Test(arguments: [
        ("extensions/v1beta1", "Ingress", "1.21", DeprecatedAPI.Status.deprecated),
        ("extensions/v1beta1", "Ingress", "1.22", .removed),
        ("policy/v1beta1", "PodSecurityPolicy", "1.25", .removed),
        ("autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.26", .removed),
        ("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.32", .removed),
        ("apps/v1", "Deployment", "1.35", .current),
    ])
    func statusAtARelease(apiVersion: String, kind: String, release: String, status: DeprecatedAPI.Status) throws {
        let table = try BundledData.deprecations()
        let version = try #require(ReleaseVersion(release))
        #expect((table.entry(apiVersion: apiVersion, kind: kind)?.status(at: version) ?? .current) == status)
    }

    @Test func theCheckNamesTheReplacementAndGradesByTarget() throws {
        let text = "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: nightly}\n"
        let removed = try TestEngine.make(kubernetesVersion: ReleaseVersion("1.30")).run(files: [("c.yaml", text)])
            .findings.filter { $0.checkID == "deprecatedApiVersion" }
        #expect(removed.map(\.severity) == [.danger])
        #expect(removed.first?.message.contains("use batch/v1") == true)
        #expect(removed.first?.message.contains("removed in Kubernetes 1.25") == true)
        let deprecated = try TestEngine.make(kubernetesVersion: ReleaseVersion("1.22")).run(files: [("c.yaml", text)])
            .findings.filter { $0.checkID == "deprecatedApiVersion" }
        #expect(deprecated.map(\.severity) == [.warning])
        let before = try TestEngine.make(kubernetesVersion: ReleaseVersion("1.19")).run(files: [("c.yaml", text)])
            .findings.filter { $0.checkID == "deprecatedApiVersion" }
        #expect(before.isEmpty)
    }

    @Test func releaseVersionsCompareByParts() {
        #expect(ReleaseVersion("v1.9")! < ReleaseVersion("1.16")!)
        #expect(ReleaseVersion("1.16.0")! == ReleaseVersion("1.16")!)
        #expect(ReleaseVersion("1.x") == nil)
    }
}
