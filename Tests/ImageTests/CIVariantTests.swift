import Foundation
import ShipshapeTesting
import Testing

/// The image's CI variant (`scripts/build-image --ci`: the image plus BusyBox's sh), running the
/// GitLab CI job's script as ci/gitlab/shipshape.gitlab-ci.yml spells it, in the image's own shell,
/// on a merge request that adds a mistake: GitLab runs job scripts with a shell in the job's image.
@Suite(.serialized) struct CIVariantTests {
    @Test func theGitLabJobRunsInTheCIVariantsShell() async throws {
        try #require(getuid() == 0, "chroot, mount and mknod need root")
        try #require(FileManager.default.isExecutableFile(atPath: ImageTests.binary.path), "build first: swift build")
        try await onThreadOfItsOwn { try Self.buildAndRunTheJob() }
    }

    static func buildAndRunTheJob() throws {
        let repository = ImageTests.repository
        let scratch = FileManager.default.temporaryDirectory.appending(path: "shipshape-image-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let layout = scratch.appending(path: "layout")
        let built = try ProcessRunner.run(
            repository.appending(path: "scripts/build-image"),
            ["--binary", ImageTests.binary.path, "--output", layout.path, "--ci"])
        print(built.output)
        try #require(built.status == 0, "\(built.output)")
        #expect(built.output.contains("(tag 0.1.0-ci)"))

        let root = ContainerRoot(folder: scratch.appending(path: "root"))
        try FileManager.default.createDirectory(at: root.folder, withIntermediateDirectories: true)
        for layer in try layerFiles(in: layout) {
            try ContainerRoot.expectSuccess(
                ProcessRunner.tool("tar", ["-xzf", layer.path, "-C", root.folder.path]), "unpacking a layer")
        }
        defer { root.tearDown() }
        try root.prepare()

        // The checkout GitLab's runner leaves: a merge request adding an image without a tag.
        let source = root.folder.appending(path: "src")
        let git = { (arguments: [String]) throws in
            try ContainerRoot.expectSuccess(
                ProcessRunner.tool(
                    "git", ["-C", source.path, "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments),
                "git \(arguments)")
        }
        try ContainerRoot.expectSuccess(
            ProcessRunner.tool("git", ["init", "-q", "-b", "main", source.path]), "git init")
        for name in try FileManager.default.contentsOfDirectory(
            atPath: repository.appending(path: "Tests/Fixtures/clean").path)
        {
            try FileManager.default.copyItem(
                at: repository.appending(path: "Tests/Fixtures/clean/\(name)"), to: source.appending(path: name))
        }
        try git(["add", "-A"])
        try git(["commit", "-qm", "base"])
        let base = try ProcessRunner.tool("git", ["-C", source.path, "rev-parse", "HEAD"]).output.trimmingCharacters(
            in: .whitespacesAndNewlines)
        let app = source.appending(path: "app.yaml")
        try String(contentsOf: app, encoding: .utf8).replacingOccurrences(of: "checkout:1.4.2", with: "checkout:latest")
            .write(to: app, atomically: true, encoding: .utf8)
        try git(["commit", "-qam", "a mistake"])
        let head = try ProcessRunner.tool("git", ["-C", source.path, "rev-parse", "HEAD"]).output.trimmingCharacters(
            in: .whitespacesAndNewlines)
        try ContainerRoot.expectSuccess(ProcessRunner.tool("chown", ["-R", "10001:10001", source.path]), "chown")

        let job = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/python3"),
            [
                repository.appending(path: "scripts/lib/ci-steps.py").path, "gitlab",
                repository.appending(path: "ci/gitlab/shipshape.gitlab-ci.yml").path, "shipshape",
            ])
        try #require(job.status == 0, "\(job.output)")
        let run = try root.run(
            ["/bin/sh", "-e", "-c", "cd /src\n" + job.output],
            environment: [
                "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/var/lib/shipshape",
                "CI_MERGE_REQUEST_DIFF_BASE_SHA": base, "CI_COMMIT_SHA": head,
            ])
        #expect(run.status == 3, "\(run.output)")
        let report = try String(contentsOf: source.appending(path: "gl-code-quality-report.json"), encoding: .utf8)
        #expect(
            report.contains("\"check_name\" : \"tagNotSpecified\"") && report.contains("\"path\" : \"app.yaml\""),
            "\(report)")
    }

    /// The layer blobs of an OCI layout's one image.
    static func layerFiles(in layout: URL) throws -> [URL] {
        let blobs = layout.appending(path: "blobs/sha256")
        let index = try RegistryPull.object(Data(contentsOf: layout.appending(path: "index.json")))
        let descriptor = try #require((index["manifests"] as? [[String: Any]])?.first?["digest"] as? String)
        let manifest = try RegistryPull.object(Data(contentsOf: blobs.appending(path: String(descriptor.dropFirst(7)))))
        return try #require(manifest["layers"] as? [[String: Any]]).compactMap {
            ($0["digest"] as? String).map { blobs.appending(path: String($0.dropFirst(7))) }
        }
    }
}
