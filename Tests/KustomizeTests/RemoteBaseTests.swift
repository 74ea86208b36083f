import Policy
import Testing

@testable import Kustomize

/// Remote Git bases: how entries are read, and builds over repositories the caller fetched
/// (`scripts/test-cli` fetches one from a Git daemon on loopback through GitKit's mirror cache).
@Suite struct RemoteBaseTests {
    @Test(
        arguments: [
            ("https://github.com/org/repo//deploy/base?ref=v1.2", "https://github.com/org/repo", "deploy/base", "v1.2"),
            ("github.com/org/repo/deploy?ref=main", "https://github.com/org/repo", "deploy", "main"),
            ("git@github.com:org/repo.git//base?ref=v1&timeout=90", "git@github.com:org/repo.git", "base", "v1"),
            ("https://gitlab.com/org/repo.git/base?version=v2", "https://gitlab.com/org/repo.git", "base", "v2"),
            ("git://127.0.0.1:9418/repo.git//base", "git://127.0.0.1:9418/repo.git", "base", nil),
        ] as [(String, String, String, String?)])
    func entriesReadAsKustomizeReadsThem(_ text: String, _ repository: String, _ path: String, _ ref: String?) throws {
        let base = try #require(RemoteBase(text))
        #expect(base.repository == repository && base.path == path && base.ref == ref)
    }

    private static func configMap(_ name: String) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n"
    }

    private static let base = RemoteBase(repository: "https://example.com/org/repo", path: "base", ref: "v1")

    private func build(_ resource: String, fetched: [String: String]?) throws -> BuiltRoot {
        let trees = RemoteTrees()
        if let fetched { trees.store(fetched.mapValues { Array($0.utf8) }, for: Self.base) }
        let files = [
            "app/kustomization.yaml": "namespace: prod\nresources:\n- \(resource)\n",
            "secret/kustomization.yaml": "resources: [x.yaml]\n",
        ]
        return try KustomizeBuilder(fileSystem: MemoryFileSystem(files), remotes: trees).build(folder: "app")
    }

    @Test func aFetchedBaseBuildsLikeALocalOne() throws {
        let built = try build(
            "https://example.com/org/repo//base?ref=v1",
            fetched: [
                "base/kustomization.yaml": "resources: [cm.yaml, nested/deeper]\n",
                "base/cm.yaml": Self.configMap("c"),
                "base/nested/deeper/kustomization.yaml": "resources: [cm.yaml]\n",
                "base/nested/deeper/cm.yaml": Self.configMap("d"),
            ])
        #expect(built.notes.isEmpty)
        #expect(built.resources.map(\.name) == ["c", "d"] && built.resources.map(\.namespace) == ["prod", "prod"])
        // Findings on the base's values name the repository, the ref and the file.
        #expect(built.resources.first?.anchor.description == "⟨example.com∕org∕repo@v1⟩/base/cm.yaml:2:1")
        // A folder of the fetched tree is one only when files are under it.
        #expect(throws: KustomizeError.self) {
            try build(
                "https://example.com/org/repo//base?ref=v1",
                fetched: ["base/kustomization.yaml": "resources: [nested]\n", "base/nested-file.yaml": ""])
        }
    }

    @Test func aBaseNotFetchedIsAskedForAndRefused() throws {
        let trees = RemoteTrees()
        let files = ["app/kustomization.yaml": "resources:\n- https://example.com/org/repo//base?ref=v1\n"]
        let built = try KustomizeBuilder(fileSystem: MemoryFileSystem(files), remotes: trees).build(folder: "app")
        #expect(built.notes.map(\.feature) == ["remote resource"])
        #expect(trees.wanted == [Self.base])
        trees.fail(Self.base, reason: "--offline")
        let again = try KustomizeBuilder(fileSystem: MemoryFileSystem(files), remotes: trees).build(folder: "app")
        #expect(again.notes.first?.message.hasSuffix("could not be fetched: --offline") == true)
        #expect(trees.wanted.isEmpty)
    }

    @Test func ofSpellingsSharingAMountRootTheOneThatSortsFirstIsRead() throws {
        // Five spellings of one repository, one mount root: whichever order they are fetched in,
        // the build reads the tree of `git@example.com:org/repo` (the spelling that sorts first).
        let spellings = [
            "https://example.com/org/repo", "https://example.com/org/repo.git", "http://example.com/org/repo",
            "ssh://git@example.com/org/repo", "git@example.com:org/repo",
        ]
        for order in [spellings, spellings.reversed()] {
            let trees = RemoteTrees()
            for repository in order {
                let base = RemoteBase(repository: repository, path: "base", ref: "v1")
                trees.store(
                    [
                        "base/kustomization.yaml": Array("resources: [cm.yaml]\n".utf8),
                        "base/cm.yaml": Array(Self.configMap(repository.filter(\.isLetter).lowercased()).utf8),
                    ], for: base)
            }
            let files = ["app/kustomization.yaml": "resources:\n- https://example.com/org/repo//base?ref=v1\n"]
            let built = try KustomizeBuilder(fileSystem: MemoryFileSystem(files), remotes: trees).build(folder: "app")
            #expect(built.resources.map(\.name) == ["gitexamplecomorgrepo"])
        }
    }

    @Test func aRemoteKustomizationNeverReadsTheMachinesFiles() {
        #expect(throws: KustomizeError.self) {
            try build(
                "https://example.com/org/repo//base?ref=v1",
                fetched: ["base/kustomization.yaml": "resources:\n- ../../../../secret\n"])
        }
    }
}
