import Foundation
import Manifests
import ShipshapeTesting
import Testing

@testable import Fixes
@testable import Policy

/// `Golden/fix/<case>.input.yaml` fixed with the default selection must equal
/// `<case>.expected.yaml` byte for byte; the fixed findings are gone, and fixing again changes nothing.
/// `RECORD_GOLDEN=1` rewrites the expected files.
@Suite struct FixEngineTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Golden/fix")

    static func engine(_ selection: FixEngine.Selection = .defaults, config: String? = nil) throws -> FixEngine {
        var configuration = try BundledData.defaultConfiguration()
        if let config {
            configuration = configuration.merging(
                try ConfigurationReader.read(text: config, file: "test.yaml", knownChecks: Catalogue.ids))
        }
        let policy = PolicyEngine(
            configuration: configuration, settings: EvaluationSettings(deprecations: try BundledData.deprecations()))
        return FixEngine(policy: policy, selection: selection)
    }

    @Test(arguments: ["legacy", "frontend", "ingress", "autoscaler"])
    func fixesAreMinimalAndFinal(_ name: String) throws {
        let input = Array(try Data(contentsOf: Self.folder.appending(path: "\(name).input.yaml")))
        let engine = try Self.engine()
        let outcome = engine.fix(path: "\(name).yaml", bytes: input)
        #expect(!outcome.applied.isEmpty)
        let output = String(decoding: outcome.bytes, as: UTF8.self)
        try GoldenFile.check(output, against: Self.folder.appending(path: "\(name).expected.yaml"))
        #expect(YAMLParser.parse(bytes: outcome.bytes).errors.isEmpty, "the fixed file still parses")
        let remaining = Set(engine.policy.run(files: [("\(name).yaml", output)]).findings.map(\.fingerprint))
        for fixed in outcome.applied {
            #expect(!remaining.contains(fixed.finding.fingerprint), "\(fixed.finding.checkID) is gone after the fix")
        }
        let again = engine.fix(path: "\(name).yaml", bytes: outcome.bytes)
        #expect(again.applied.isEmpty && again.bytes == outcome.bytes, "a second run changes nothing")
    }

    @Test func fixesThatNeedAPersonApplyOnlyWhenNamed() throws {
        let text =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n"
        let byDefault = try Self.engine().fix(path: "p.yaml", bytes: Array(text.utf8))
        #expect(!byDefault.applied.contains { $0.finding.checkID == "notReadOnlyRootFilesystem" })
        #expect(
            byDefault.unfixed.contains {
                $0.finding.checkID == "notReadOnlyRootFilesystem"
                    && $0.why.contains("--checks notReadOnlyRootFilesystem")
            })
        let named = try Self.engine(.checks(["notReadOnlyRootFilesystem"])).fix(path: "p.yaml", bytes: Array(text.utf8))
        #expect(named.applied.map(\.finding.checkID) == ["notReadOnlyRootFilesystem"])
        #expect(
            String(decoding: named.bytes, as: UTF8.self).hasSuffix(
                "      securityContext:\n        readOnlyRootFilesystem: true\n"))
    }

    @Test func whatCannotBeEditedSafelyIsReportedNotGuessed() throws {
        // hostPort is the only key of its list item: removing it would leave an empty item.
        let text =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n      ports:\n        - hostPort: 80\n"
        let outcome = try Self.engine(.checks(["hostPortSet"])).fix(path: "p.yaml", bytes: Array(text.utf8))
        #expect(outcome.applied.isEmpty)
        #expect(outcome.bytes == Array(text.utf8))
        #expect(
            outcome.unfixed.contains {
                $0.finding.checkID == "hostPortSet" && $0.why.contains("only key of its list item")
            })
    }

    @Test func aKeyOpeningAListItemGivesTheDashToTheNextKey() throws {
        let text =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n      ports:\n        - hostPort: 80\n          containerPort: 80\n"
        let outcome = try Self.engine(.checks(["hostPortSet"])).fix(path: "p.yaml", bytes: Array(text.utf8))
        #expect(String(decoding: outcome.bytes, as: UTF8.self).hasSuffix("      ports:\n        - containerPort: 80\n"))
    }

    @Test func capabilitiesAreAddedToTheListThere() throws {
        let text =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n      securityContext:\n        capabilities:\n          drop:\n            - NET_RAW   # the old way\n"
        let outcome = try Self.engine(.checks(["insecureCapabilities"])).fix(path: "p.yaml", bytes: Array(text.utf8))
        #expect(
            String(decoding: outcome.bytes, as: UTF8.self).hasSuffix(
                "          drop:\n            - NET_RAW   # the old way\n            - ALL\n"))
        #expect(outcome.applied.map(\.finding.checkID) == ["insecureCapabilities"])
    }

    @Test func valuesThatDependOnTheObject() throws {
        let text =
            "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: app\n              image: busybox:1.36\n              ports:\n                - containerPort: 80\n                  hostPort: 80\n              resources:\n                requests: {memory: 256Mi}\n"
        let ids: Set<String> = ["deprecatedApiVersion", "memoryLimitsMissing", "hostPortSet"]
        let outcome = try Self.engine(.checks(ids)).fix(path: "c.yaml", bytes: Array(text.utf8))
        #expect(Set(outcome.applied.map(\.finding.checkID)) == ids)
        let fixed = String(decoding: outcome.bytes, as: UTF8.self)
        #expect(fixed.hasPrefix("apiVersion: batch/v1\n"), "a removed apiVersion with the same schema is renamed")
        #expect(fixed.contains("requests: {memory: 256Mi, }") == false)
        #expect(
            fixed.contains("{memory: 256Mi}\n                limits:\n                  memory: 256Mi\n"),
            "the memory limit copies the request")
        #expect(!fixed.contains("hostPort"))
        #expect(fixed.contains("                - containerPort: 80\n"))
    }

    @Test func workloadsMoveToAppsV1WithTheSelectorItRequires() throws {
        let text =
            "apiVersion: apps/v1beta2\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  template:\n    metadata:\n      labels: {app: db, tier: data}\n    spec:\n      containers: [{name: db, image: postgres:17.2}]\n"
        let outcome = try Self.engine(.checks(["deprecatedApiVersion"])).fix(path: "db.yaml", bytes: Array(text.utf8))
        let fixed = String(decoding: outcome.bytes, as: UTF8.self)
        #expect(fixed.hasPrefix("apiVersion: apps/v1\n"))
        #expect(fixed.hasSuffix("  selector:\n    matchLabels:\n      app: db\n      tier: data\n"))
        let withSelector = text.replacingOccurrences(
            of: "  serviceName: db\n", with: "  serviceName: db\n  selector:\n    matchLabels: {app: db}\n")
        let renamed = try Self.engine(.checks(["deprecatedApiVersion"])).fix(
            path: "db.yaml", bytes: Array(withSelector.utf8))
        #expect(
            String(decoding: renamed.bytes, as: UTF8.self)
                == withSelector.replacingOccurrences(of: "apps/v1beta2", with: "apps/v1"),
            "an existing selector is kept as written")
    }

    @Test func apiVersionsWhoseShapeChangesAreLeftToAPerson() throws {
        let text =
            "apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  maxReplicas: 5\n  minReplicas: 2\n  metrics:\n    - type: Weird\n      weird: {metricName: queue, targetAverageValue: 10}\n"
        let outcome = try Self.engine(.checks(["deprecatedApiVersion"])).fix(path: "h.yaml", bytes: Array(text.utf8))
        #expect(outcome.applied.isEmpty && outcome.bytes == Array(text.utf8))
        #expect(
            outcome.unfixed.contains { $0.finding.checkID == "deprecatedApiVersion" && $0.why.contains("unknown type") }
        )
    }

    @Test func probesAreBuiltFromWhatTheContainerExposes() throws {
        let text =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27.3\n      ports:\n        - containerPort: 8080\n          name: http\n    - name: worker\n      image: busybox:1.36\n"
        let outcome = try Self.engine(.checks(["readinessProbeMissing"])).fix(path: "p.yaml", bytes: Array(text.utf8))
        let fixed = String(decoding: outcome.bytes, as: UTF8.self)
        #expect(
            fixed.contains(
                "          name: http\n      readinessProbe:\n        tcpSocket:\n          port: http\n    - name: worker"
            ))
        #expect(outcome.unfixed.contains { $0.finding.container == "worker" && $0.why.contains("exposes no port") })
    }

    @Test func theConfigurationChoosesTheValues() throws {
        let config =
            "fixes:\n  resources:\n    - containerNames: [istio-proxy]\n      cpuRequest: 10m\n      memoryRequest: 64Mi\n    - containerNames: [app]\n      cpuLimits: true\n  probePath: /healthz\n"
        let text =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n      ports: [{name: http, containerPort: 8080}]\n    - name: istio-proxy\n      image: istio/proxyv2:1.28.0\n"
        let outcome = try Self.engine(config: config).fix(path: "p.yaml", bytes: Array(text.utf8))
        let fixed = String(decoding: outcome.bytes, as: UTF8.self)
        #expect(
            fixed.contains("      readinessProbe:\n        httpGet:\n          path: /healthz\n          port: http\n"),
            "httpGet on the configured path")
        #expect(
            fixed.contains(
                "        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          cpu: 100m\n          memory: 128Mi\n"
            ),
            "app: default requests, and CPU limits because the configuration asks for them")
        #expect(
            fixed.contains(
                "        requests:\n          cpu: 10m\n          memory: 64Mi\n        limits:\n          memory: 64Mi\n"
            ),
            "istio-proxy: its own requests, no CPU limit")
    }

    @Test func crossObjectFindingsAreJudgedWithTheRestOfTheTree() throws {
        let pod =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  serviceAccountName: app\n  containers:\n    - name: app\n      image: nginx:1.27.3\n"
        let account =
            "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: shop}\nautomountServiceAccountToken: false\n"
        let files = ["pod.yaml": pod, "sa.yaml": account]
        let alone = try Self.engine(.checks(["automountServiceAccountToken"]))
        #expect(
            alone.fix(path: "pod.yaml", bytes: Array(pod.utf8)).applied.count == 1,
            "alone, the pod seems to mount the token")
        var withTree = alone
        withTree.context = alone.policy.context(paths: Array(files.keys)) { Array(files[$0, default: ""].utf8) }
        let outcome = withTree.fix(path: "pod.yaml", bytes: Array(pod.utf8))
        #expect(
            outcome.applied.isEmpty && outcome.bytes == Array(pod.utf8),
            "its ServiceAccount, in another file, already turns the token off")
    }
}
