import Foundation
import Testing

@testable import Policy

@Suite struct ConfigurationTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web-frontend
          namespace: shop
          annotations:
            ANNOTATIONS
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: app
                  image: nginx:latest
                - name: istio-proxy
                  image: istio/proxyv2:latest
        """

    func findings(annotations: String = "{}", config: String? = nil, path: String = "apps/web.yaml") throws -> [Finding]
    {
        let configuration = try config.map {
            try ConfigurationReader.read(text: $0, file: "test-config.yaml", knownChecks: Catalogue.ids)
        }
        let text = Self.deployment.replacingOccurrences(
            of: "annotations:\n    ANNOTATIONS", with: "annotations: \(annotations)")
        return try TestEngine.check(text, path: path, configuration: configuration).findings
    }

    func count(_ findings: [Finding], _ id: String) -> Int { findings.filter { $0.checkID == id }.count }

    @Test func aPolarisConfigFileWorksUnchanged() throws {
        let polaris = """
            checks:
              tagNotSpecified: warning
              cpuLimitsMissing: ignore
            customChecks:
              imageRegistry:
                successMessage: ok
                target: Container
                schema: {properties: {image: {not: {pattern: ^quay.io}}}}
            mutations:
              - pullPolicyNotAlways
            exemptions:
              - controllerNames: [web]
                containerNames: [istio]
                rules: [memoryLimitsMissing]
            """
        let configuration = try ConfigurationReader.read(
            text: polaris, file: "polaris.yaml", knownChecks: Catalogue.ids)
        #expect(configuration.severities["tagNotSpecified"] == .warning)
        #expect(
            configuration.notes.count == 1,
            "a custom check without a severity under `checks:` is noted, not silently dropped")
        let found = try findings(config: polaris)
        #expect(found.filter { $0.checkID == "tagNotSpecified" }.allSatisfy { $0.severity == .warning })
        #expect(count(found, "cpuLimitsMissing") == 0)
        #expect(
            found.filter { $0.checkID == "memoryLimitsMissing" }.map(\.container) == ["app"],
            "container prefix istio exempts istio-proxy only")
    }

    @Test func exemptionsMatchNamespaceAndPaths() throws {
        #expect(
            count(
                try findings(config: "exemptions:\n  - namespace: shop\n    rules: [tagNotSpecified]\n"),
                "tagNotSpecified") == 0)
        #expect(
            count(
                try findings(config: "exemptions:\n  - namespace: other\n    rules: [tagNotSpecified]\n"),
                "tagNotSpecified") == 2)
        #expect(
            count(
                try findings(config: "exemptions:\n  - paths: [\"apps/**\"]\n    rules: [tagNotSpecified]\n"),
                "tagNotSpecified") == 0)
        #expect(count(try findings(config: "exemptions:\n  - paths: [\"legacy/\"]\n"), "tagNotSpecified") == 2)
    }

    @Test func namesMatchByBytePrefixAsPolarisDoes() {
        #expect("istio-proxy".hasBytePrefix("istio"))
        #expect("istio".hasBytePrefix("istio"))
        #expect("anything".hasBytePrefix(""))
        #expect(!"isti".hasBytePrefix("istio"))
        #expect(!"web-frontend".hasBytePrefix("frontend"))
        #expect(!"cafe\u{301}".hasBytePrefix("caf\u{E9}"), "bytes, not canonically equivalent characters")
    }

    @Test func ignorePathsSkipFiles() throws {
        #expect(try findings(config: "ignorePaths: [\"apps/*.yaml\"]\n").isEmpty)
        #expect(try !findings(config: "ignorePaths: [\"other/\"]\n").isEmpty)
    }

    @Test(arguments: [
        ("{polaris.fairwinds.com/exempt: \"true\"}", 0, 0),
        ("{polaris.fairwinds.com/tagNotSpecified-exempt: \"true\"}", 0, 2),
        ("{polaris.fairwinds.com/tagNotSpecified-exempt: \"yes\"}", 2, 2),
        ("{shipshape.dev/tagNotSpecified-exempt: \"pinned by the image policy controller\"}", 0, 2),
        ("{shipshape.dev/exempt: \"false\"}", 2, 2),
    ])
    func annotationsExempt(annotations: String, tagFindings: Int, memoryFindings: Int) throws {
        let found = try findings(annotations: annotations)
        #expect(count(found, "tagNotSpecified") == tagFindings)
        #expect(count(found, "memoryLimitsMissing") == memoryFindings)
    }

    @Test func disallowingExemptionsWins() throws {
        let found = try findings(
            annotations: "{polaris.fairwinds.com/exempt: \"true\"}", config: "disallowExemptions: true\n")
        #expect(count(found, "tagNotSpecified") == 2)
    }

    @Test func everyProblemIsReportedWithItsLine() {
        let text = "checks:\n  tagNotSpecified: fatal\nexemptions: nope\nkubernetesVersion: latest\nsurprise: 1\n"
        #expect {
            try ConfigurationReader.read(text: text, file: "bad.yaml", knownChecks: Catalogue.ids)
        } throws: { error in
            let description = "\(error)"
            return description.contains("bad.yaml:2:20: severity of `tagNotSpecified`")
                && description.contains("bad.yaml:3:13: `exemptions` must be a list")
                && description.contains("bad.yaml:4:20: `kubernetesVersion` must be a version")
                && description.contains("bad.yaml:5:1: unknown setting `surprise`")
        }
    }

    @Test func unknownCheckIdsGetASuggestion() throws {
        let configuration = try ConfigurationReader.read(
            text: "checks:\n  runAsRootAlowed: danger\n", file: "c.yaml", knownChecks: Catalogue.ids)
        #expect(
            configuration.notes == [
                "c.yaml:2: no check has the id `runAsRootAlowed` (did you mean `runAsRootAllowed`?); the setting was not used"
            ])
    }

    @Test func pathPatternsMatchLikeGitignore() {
        #expect(PathPattern("legacy/").matches("legacy/a/b.yaml"))
        #expect(PathPattern("**/tests/*.yaml").matches("charts/x/tests/t.yaml"))
        #expect(PathPattern("**/tests/*.yaml").matches("tests/t.yaml"))
        #expect(!PathPattern("apps/*.yaml").matches("apps/sub/x.yaml"))
        #expect(PathPattern("*.json").matches("deep/folder/file.json"))
        #expect(PathPattern("./apps/?.yaml").matches("apps/a.yaml"))
    }
}
