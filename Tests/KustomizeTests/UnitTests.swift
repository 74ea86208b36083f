import Testing

@testable import Kustomize

/// Pieces checked against kustomize's documented behaviour and recorded outputs.
@Suite struct UnitTests {
    /// Names and hashes from `kubectl kustomize` (v5.5.0) on the same input.
    @Test func generatorHashesMatchKustomize() throws {
        let files = [
            "app/kustomization.yaml": """
            namePrefix: p-
            configMapGenerator:
            - name: cfg
              literals:
              - A=1
              - B="two"
            secretGenerator:
            - name: sec
              literals:
              - password=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            """
        ]
        let built = try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        #expect(built.resources.map(\.name) == ["p-cfg-6b56fdfggc", "p-sec-h658fm2g8b"])
        #expect(
            built.resources[1].node[path: "data", "password"]?.string
                == "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYW\nFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=\n"
        )
    }

    @Test(arguments: [
        ("nginx", "nginx", "", ""), ("nginx:1.2", "nginx", "1.2", ""), ("nginx@sha256:abc", "nginx", "", "sha256:abc"),
        ("host:5000/a/b:1@sha256:x", "host:5000/a/b", "1", "sha256:x"), ("host:5000/a/b", "host:5000/a/b", "", ""),
    ])
    func imagesSplitAsKustomizeSplits(_ image: String, _ name: String, _ tag: String, _ digest: String) {
        let split = ImageTransformer.split(image)
        #expect(split.0 == name && split.1 == tag && split.2 == digest)
    }

    @Test func imageNamesMatchWholeNamesOnly() {
        #expect(ImageTransformer.matches("nginx:1.2", name: "nginx"))
        #expect(ImageTransformer.matches("nginx@sha256:abc", name: "nginx"))
        #expect(!ImageTransformer.matches("nginx-extra:1", name: "nginx"))
        #expect(!ImageTransformer.matches("my/nginx", name: "nginx"))
    }

    @Test func emittedScalarsKeepTheirType() {
        #expect(YAMLEmitter.render(Scalar(text: "8080", kind: .string)) == "\"8080\"")
        #expect(YAMLEmitter.render(Scalar(text: "8080", kind: .plain)) == "8080")
        #expect(YAMLEmitter.render(Scalar(text: "yes", kind: .plain)) == "\"yes\"")
        #expect(YAMLEmitter.render(Scalar(text: "a: b", kind: .string)) == "\"a: b\"")
        #expect(YAMLEmitter.render(Scalar(text: "line\nnext", kind: .string)) == "\"line\\nnext\"")
        #expect(YAMLEmitter.render(Scalar(text: "nginx:1.25", kind: .string)) == "nginx:1.25")
    }

    @Test func strategicMergeDeletesAndReplaces() throws {
        let files = [
            "app/kustomization.yaml": "resources:\n  - d.yaml\npatches:\n  - path: p.yaml\n",
            "app/d.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {a: "1", b: "2"}
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: nginx
                      resources:
                        limits: {cpu: "1"}
                        requests: {cpu: "1"}
            """,
            "app/p.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels:
                a: null
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      resources:
                        $patch: replace
                        limits: {memory: 1Gi}
            """,
        ]
        let built = try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        let node = try #require(built.resources.first?.node)
        #expect(node[path: "metadata", "labels"]?.stringMap == ["b": "2"])
        let container = try #require(node[path: "spec", "template", "spec", "containers"]?.items?.first)
        #expect(container[path: "resources", "limits"]?.stringMap == ["memory": "1Gi"])
        #expect(container[path: "resources", "requests"] == nil)
    }

    @Test func patchDeletingTheObjectRemovesIt() throws {
        let files = [
            "app/kustomization.yaml":
                "resources:\n  - d.yaml\npatches:\n  - patch: |-\n      $patch: delete\n      apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: a\n",
            "app/d.yaml":
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
        ]
        let built = try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        #expect(built.resources.map(\.name) == ["b"])
    }
}

extension UnitTests {
    /// kustomize v5.5.0 reads `a: >-` / `x(c,` / `  y` / `)` as "x(c,\n\ny\n)" with the extra
    /// break (recorded with kubectl kustomize); the built objects carry what it applies.
    @Test func foldedScalarsReadAsKustomizeReadsThem() {
        #expect(Node.foldedAsKustomizeReadsIt("x(c,\n  y\n)") == "x(c,\n\n  y\n)")
        #expect(Node.foldedAsKustomizeReadsIt("s\n\n  m\n") == "s\n\n\n  m\n")
        #expect(Node.foldedAsKustomizeReadsIt("a\n  b\n  c\nd") == "a\n\n  b\n  c\nd")
        #expect(Node.foldedAsKustomizeReadsIt("plain folded text") == "plain folded text")
    }
}

extension UnitTests {
    /// Recorded with kubectl kustomize v5.5.0: a strategic merge patch anywhere in the object
    /// drops `key:` written with no value, and keeps `key: null`.
    @Test func strategicMergeDropsValuelessFieldsOnly() throws {
        let files = [
            "app/kustomization.yaml":
                "resources:\n  - d.yaml\npatches:\n  - patch: |\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata:\n        name: a\n      spec:\n        replicas: 1\n",
            "app/d.yaml":
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      affinity:\n        nodeAffinity:\n          preferred:\n      hostname: null\n",
        ]
        let built = try KustomizeBuilder(fileSystem: MemoryFileSystem(files)).build(folder: "app")
        let spec = try #require(built.resources.first?.node[path: "spec", "template", "spec"])
        #expect(spec[path: "affinity", "nodeAffinity"]?.entries?.isEmpty == true)
        #expect(spec["hostname"]?.isNull == true)
    }
}
