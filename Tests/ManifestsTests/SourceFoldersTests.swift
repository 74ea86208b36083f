import Testing

@testable import Manifests

/// `SourceFolders` finds the folder a path written from the repository's root names by looking
/// only at folders of the same last name: its answers are those of comparing the path with
/// every folder (nearest to the writing file, first in name order on a tie, nil above the root).
@Suite struct SourceFoldersTests {
    static let folders = [
        "apps", "apps/web", "team-a/apps/web", "team-b/apps/web", "clusters/prod/apps/web", "web", "webapps/web",
        "clusters/prod", "clusters/staging", "infra/clusters/prod", "x/.hidden/web", "café", "cafe\u{301}/web",
        "a/b/c",
    ]

    /// Every folder compared with the written path, as the lookup did before the index.
    static func linear(_ written: String, among folders: [String], near file: String) -> String? {
        guard let parts = RepositoryPaths.cleaned(written) else { return nil }
        let path = parts.joined(separator: "/")
        let candidates = folders.filter { $0 == path || $0.hasSuffix("/" + path) }.sorted()
        return RepositoryPaths.nearest(candidates, to: file) { $0 }
    }

    @Test func theNearestFolderEndingWithThePathWinsFirstInNameOrderOnATie() {
        let index = SourceFolders(Self.folders)
        #expect(index.folder(forSourcePath: "apps/web", near: "team-b/flux/ks.yaml") == "team-b/apps/web")
        #expect(index.folder(forSourcePath: "./apps/web", near: "clusters/prod/ks.yaml") == "clusters/prod/apps/web")
        // Equally near: the first in name order.
        #expect(index.folder(forSourcePath: "apps/web", near: "elsewhere/ks.yaml") == "apps/web")
        #expect(index.folder(forSourcePath: "web", near: "z/ks.yaml") == "apps/web")
        #expect(index.folder(forSourcePath: "apps/../web", near: "team-a/ks.yaml") == "team-a/apps/web")
        #expect(index.folder(forSourcePath: "../web", near: "apps/ks.yaml") == nil)
        #expect(index.folder(forSourcePath: "./.", near: "apps/ks.yaml") == nil)
        #expect(index.folder(forSourcePath: "nowhere", near: "apps/ks.yaml") == nil)
        // Only whole names match: `webapps/web` does not end with `/apps/web`.
        #expect(index.folder(forSourcePath: "apps/web", near: "webapps/ks.yaml") == "apps/web")
    }

    @Test func everyAnswerIsTheOneOfComparingWithEveryFolder() {
        let index = SourceFolders(Self.folders)
        let names = ["apps", "web", "prod", "clusters", "..", ".", "", ".hidden", "café", "c", "b"]
        let files = ["ks.yaml", "team-a/ks.yaml", "clusters/prod/ks.yaml", "x/.hidden/a.yaml", "cafe\u{301}/a.yaml"]
        var written: [String] = []
        for first in names {
            for second in names {
                written.append(first + "/" + second)
                for third in ["web", "..", "prod"] { written.append(first + "/" + second + "/" + third) }
            }
            written.append(first)
            written.append("./" + first + "/")
        }
        for path in written {
            for file in files {
                #expect(
                    index.folder(forSourcePath: path, near: file) == Self.linear(path, among: Self.folders, near: file),
                    "\(path) from \(file)")
            }
        }
    }
}
