import Manifests
import Policy
import Testing

@testable import Kustomize

/// Bad input gets an error naming the file and line that asked for it.
@Suite struct BuildErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let files: [String: String]
        let location: String
        let message: String
        var testDescription: String { name }
    }

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx
        """

    static let cases: [Case] = [
        Case(
            name: "missing resource",
            files: [
                "app/kustomization.yaml": "resources:\n  - deployment.yaml\n  - missing.yaml\n",
                "app/deployment.yaml": deployment,
            ],
            location: "app/kustomization.yaml:3:5", message: "resource missing.yaml does not exist"),
        Case(
            name: "cycle",
            files: [
                "a/kustomization.yaml": "resources:\n  - ../b\n", "b/kustomization.yaml": "resources:\n  - ../a\n",
            ],
            location: "b/kustomization.yaml:2:5", message: "cycle: a -> b -> a"),
        Case(
            name: "patch without a matching object",
            files: [
                "app/kustomization.yaml": "resources:\n  - deployment.yaml\npatches:\n  - path: patch.yaml\n",
                "app/deployment.yaml": deployment,
                "app/patch.yaml":
                    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\nspec:\n  replicas: 2\n",
            ], location: "app/patch.yaml:1:1", message: "no object matches the patch"),
        Case(
            name: "invalid JSON patch",
            files: [
                "app/kustomization.yaml":
                    "resources:\n  - deployment.yaml\npatches:\n  - target:\n      kind: Deployment\n    patch: |-\n      - op: replace\n        path: /spec/missing/field\n        value: 1\n",
                "app/deployment.yaml": deployment,
            ], location: "app/kustomization.yaml:7:9", message: "/spec/missing/field does not exist"),
        Case(
            name: "unknown JSON patch operation",
            files: [
                "app/kustomization.yaml":
                    "resources:\n  - deployment.yaml\npatches:\n  - target:\n      kind: Deployment\n    patch: |-\n      - op: frobnicate\n        path: /spec\n",
                "app/deployment.yaml": deployment,
            ], location: "app/kustomization.yaml:7:9", message: "unknown JSON patch operation frobnicate"),
        Case(
            name: "file outside the kustomization",
            files: [
                "app/kustomization.yaml": "resources:\n  - ../shared/deployment.yaml\n",
                "shared/deployment.yaml": deployment,
            ],
            location: "app/kustomization.yaml:2:5", message: "security"),
        Case(
            name: "duplicate object",
            files: [
                "app/kustomization.yaml": "resources:\n  - a.yaml\n  - b.yaml\n", "app/a.yaml": deployment,
                "app/b.yaml": deployment,
            ],
            location: "app/kustomization.yaml:3:5", message: "defined twice"),
        Case(
            name: "invalid YAML",
            files: ["app/kustomization.yaml": "resources:\n  - a.yaml\n", "app/a.yaml": "kind: [\n"],
            location: "app/a.yaml:", message: "not valid YAML"),
        Case(
            name: "merge without a base object",
            files: [
                "app/kustomization.yaml":
                    "configMapGenerator:\n  - name: cfg\n    behavior: merge\n    literals:\n      - a=b\n"
            ],
            location: "app/kustomization.yaml:2:5", message: "behavior: merge needs an existing"),
    ]

    @Test(arguments: cases)
    func errorNamesTheLine(_ testCase: Case) throws {
        let builder = KustomizeBuilder(fileSystem: MemoryFileSystem(testCase.files))
        let root =
            testCase.files.keys.sorted().first { $0.hasSuffix("kustomization.yaml") }.map(BuildPath.folder) ?? "app"
        do {
            let built = try builder.build(folder: root)
            Issue.record("built \(built.resources.count) objects instead of failing")
        } catch let error as KustomizeError {
            #expect(
                error.location.map { "\($0.file):\($0.position)" }?.hasPrefix(testCase.location) == true, "\(error)")
            #expect(error.message.contains(testCase.message), "\(error)")
        }
    }

    @Test func nestingIsBounded() throws {
        var files: [String: String] = [:]
        for level in 0..<40 { files["k\(level)/kustomization.yaml"] = "resources:\n  - ../k\(level + 1)\n" }
        files["k40/kustomization.yaml"] = "resources: []\n"
        var limits = BuildLimits()
        limits.maxDepth = 10
        #expect(throws: KustomizeError.self) {
            try KustomizeBuilder(fileSystem: MemoryFileSystem(files), limits: limits).build(folder: "k0")
        }
    }

    @Test func fileCountIsBounded() throws {
        var files: [String: String] = [
            "app/kustomization.yaml": "resources:\n" + (0..<20).map { "  - f\($0).yaml\n" }.joined()
        ]
        for index in 0..<20 {
            files["app/f\(index).yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\(index)\n"
        }
        var limits = BuildLimits()
        limits.maxFiles = 5
        #expect(throws: KustomizeError.self) {
            try KustomizeBuilder(fileSystem: MemoryFileSystem(files), limits: limits).build(folder: "app")
        }
    }

    @Test func featuresNotBuiltAreNamedWithTheirLine() throws {
        let files = [
            "app/kustomization.yaml":
                "resources:\n  - https://github.com/example/repo//base?ref=v1\nhelmCharts:\n  - name: podinfo\ntransformers:\n  - t.yaml\n"
        ]
        let built = try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        #expect(!built.isComplete)
        #expect(Set(built.notes.map(\.feature)) == ["remote resource", "helmCharts", "transformers"])
        #expect(
            built.notes.first { $0.feature == "helmCharts" }?.location.map { "\($0.file):\($0.position.line)" }
                == "app/kustomization.yaml:3")
    }

    @Test func legacyJSONPatchTargetMatchingNothingIsAWarning() throws {
        let files = [
            "app/kustomization.yaml":
                "resources:\n  - r.yaml\npatchesJson6902:\n  - target:\n      version: v1\n      kind: ConfigMap\n      name: nothing\n    path: p.yaml\n",
            "app/r.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
            "app/p.yaml": "- op: add\n  path: /data\n  value: {}\n",
        ]
        let built = try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        #expect(built.resources.count == 1)
        #expect(
            built.warnings.map { "\($0.location!.file):\($0.location!.position.line)" } == ["app/kustomization.yaml:4"])
    }

    @Test func targetMatchingNothingIsAWarning() throws {
        let files = [
            "app/kustomization.yaml":
                "resources:\n  - d.yaml\npatches:\n  - target:\n      kind: Service\n    patch: |-\n      - op: remove\n        path: /spec\n",
            "app/d.yaml": Self.deployment,
        ]
        let built = try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        #expect(built.isComplete)
        #expect(
            built.warnings.map { "\($0.location!.file):\($0.location!.position.line)" } == ["app/kustomization.yaml:4"])
    }
}

extension BuildErrorTests {
    @Test func configurationSectionsOtherThanNameReferenceAreRefused() throws {
        let files = [
            "app/kustomization.yaml": "resources:\n  - c.yaml\nconfigurations:\n  - config.yaml\n",
            "app/c.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
            "app/config.yaml":
                "nameReference:\n  - kind: ConfigMap\n    fieldSpecs:\n      - path: spec/ref\n        kind: Thing\ncommonLabels:\n  - path: spec/labels\n",
        ]
        let built = try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        #expect(
            built.notes.map { "\($0.feature) \($0.location!.file):\($0.location!.position.line)" } == [
                "configurations app/config.yaml:6"
            ])
    }
}

extension BuildErrorTests {
    @Test func aliasBombsAndDeepNestingAreRefused() throws {
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            bomb +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        for (name, text) in [
            (
                "bomb",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n"
                    + bomb.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
            ),
            ("deep", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nspec: " + deep + "\n"),
        ] {
            let files = ["app/kustomization.yaml": "resources:\n  - c.yaml\n", "app/c.yaml": text]
            #expect(throws: KustomizeError.self, "\(name)") {
                try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
            }
        }
    }

    @Test func targetPatternsThatCouldBacktrackForeverAreRefused() throws {
        let files = [
            "app/kustomization.yaml":
                "resources:\n  - c.yaml\npatches:\n  - target:\n      name: (a+)+$\n    patch: |-\n      - op: remove\n        path: /data\n",
            "app/c.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: {}\n",
        ]
        #expect(throws: KustomizeError.self) {
            try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        }
    }
}
