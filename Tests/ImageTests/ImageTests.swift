import Foundation
import ShipshapeTesting
import Testing

/// scripts/build-image's image, pushed to a real registry (Debian's docker-registry on loopback),
/// pulled back through the registry API, unpacked, and run with chroot: `shipshape check` on the
/// examples (charts rendered by render workers, so libhelm_c, env and prlimit are in it) and
/// `shipshape serve` with the configuration the chart renders, until /healthz answers. It proves
/// the image holds everything the binary needs. Uses the debug binary already built (never builds);
/// needs root (chroot, mount, mknod).
@Suite(.serialized) struct ImageTests {
    static let repository = URL(fileURLWithPath: #filePath).appending(path: "../../..").standardized
    static let binary = repository.appending(path: ".build/debug/shipshape")

    @Test func theImageRunsCheckAndServeFromTheRegistry() async throws {
        try #require(getuid() == 0, "chroot, mount and mknod need root")
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build first: swift build")
        try await onThreadOfItsOwn { try Self.pushPullAndRun() }
    }

    static func pushPullAndRun() throws {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "shipshape-image-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }

        let built = try ProcessRunner.run(
            repository.appending(path: "scripts/build-image"),
            [
                "--binary", binary.path, "--output", scratch.appending(path: "layout").path,
                "--tag", "test", "--push", "\(registry.host)/shipshape/bot:test",
            ])
        print(built.output)  // the image's size and what weighs in it
        #expect(built.status == 0, "\(built.output)")
        #expect(built.output.contains("pushed \(registry.host)/shipshape/bot:test@sha256:"))

        let pull = RegistryPull(registry: registry.baseURL, repository: "shipshape/bot", scratch: scratch)
        let manifest = try pull.manifest(tag: "test")
        #expect(manifest["mediaType"] as? String == "application/vnd.oci.image.manifest.v1+json")
        let configDescriptor = try #require(manifest["config"] as? [String: Any])
        let config = try RegistryPull.object(
            Data(contentsOf: pull.blob(try #require(configDescriptor["digest"] as? String))))
        let settings = try #require(config["config"] as? [String: Any])
        #expect(settings["User"] as? String == "10001:10001")
        #expect(settings["Entrypoint"] as? [String] == ["/usr/local/bin/shipshape"])
        #expect(settings["Cmd"] as? [String] == ["serve"])
        let labels = try #require(settings["Labels"] as? [String: String])
        for key in ["source", "version", "revision", "licenses"] {
            #expect(
                labels["org.opencontainers.image.\(key)"]?.isEmpty == false, "label org.opencontainers.image.\(key)")
        }
        #expect(labels["org.opencontainers.image.version"] == "0.1.0")

        let root = ContainerRoot(folder: scratch.appending(path: "root"))
        try FileManager.default.createDirectory(at: root.folder, withIntermediateDirectories: true)
        let layers = try #require(manifest["layers"] as? [[String: Any]])
        for layer in layers {
            let file = try pull.blob(try #require(layer["digest"] as? String))
            try ContainerRoot.expectSuccess(
                ProcessRunner.tool("tar", ["-xzf", file.path, "-C", root.folder.path]), "unpacking a layer")
        }
        defer { root.tearDown() }
        // Only what the binary needs: no shell, no package manager.
        for absent in ["bin/sh", "bin/bash", "usr/bin/apt", "usr/bin/dpkg", "var/lib/dpkg"] {
            #expect(
                !FileManager.default.fileExists(atPath: root.folder.appending(path: absent).path),
                "\(absent) is in the image")
        }
        try root.prepare()

        try FileManager.default.copyItem(
            at: repository.appending(path: "examples"), to: root.folder.appending(path: "tmp/examples"))
        let check = try root.run(["/usr/local/bin/shipshape", "check", "/tmp/examples", "--color", "never"])
        #expect(check.status == 3, "\(check.output)")
        #expect(
            check.output.contains("rendered by HelmRelease reporting/reporting from chart reporting 0.3.0"),
            "\(check.output)")
        #expect(!check.output.contains("not rendered"), "\(check.output)")
        try expectOpenedLibrariesWork(in: root, registry: registry)

        try serveUntilHealthy(in: root)
    }

    /// libcurl and libgit2 are opened on first use (dlopen), so ldd does not list them: the image
    /// must hold them all the same. Scanning the image itself from the loopback registry makes
    /// requests (libcurl); reviewing a two-commit repository reads it (libgit2).
    static func expectOpenedLibrariesWork(in root: ContainerRoot, registry: RegistryFixture) throws {
        let folder = root.folder.appending(path: "tmp/pinned")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: bot}
            spec:
              containers: [{name: bot, image: "\(registry.host)/shipshape/bot:test"}]
            """.utf8
        ).write(to: folder.appending(path: "pod.yaml"))
        let scan = try root.run([
            "/usr/local/bin/shipshape", "scan-images", "/tmp/pinned", "--advisories", "/tmp/advisories.sqlite",
            "--no-cache",
        ])
        #expect(scan.status == 0, "\(scan.output)")
        #expect(!scan.output.contains("libcurl"), "\(scan.output)")

        let repository = root.folder.appending(path: "tmp/repository")
        let git = { (arguments: [String]) throws in
            try ContainerRoot.expectSuccess(
                ProcessRunner.tool(
                    "git", ["-C", repository.path, "-c", "user.name=t", "-c", "user.email=t@t"] + arguments),
                "git \(arguments.joined(separator: " "))")
        }
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"])
        try git(["commit", "-q", "--allow-empty", "-m", "base"])
        try FileManager.default.copyItem(
            at: root.folder.appending(path: "tmp/pinned/pod.yaml"), to: repository.appending(path: "pod.yaml"))
        try git(["checkout", "-q", "-b", "change"])
        try git(["add", "pod.yaml"])
        try git(["commit", "-q", "-m", "change"])
        // libgit2 opens only repositories owned by the user it runs as (safe.directory).
        try ContainerRoot.expectSuccess(
            ProcessRunner.tool("chown", ["-R", "10001:10001", repository.path]), "chown the repository")
        let review = try root.run([
            "/usr/local/bin/shipshape", "review", "/tmp/repository", "--base", "main", "--head", "change",
            "--color", "never",
        ])
        #expect(review.status == 3, "\(review.output)")
        #expect(review.output.contains("pod.yaml"), "\(review.output)")
    }

    /// `shipshape serve` with the ConfigMap's configuration from config/deploy (the chart's
    /// defaults: a GitHub App, the SQLite queue in /var/lib/shipshape) and the Secret's values.
    static func serveUntilHealthy(in root: ContainerRoot) throws {
        let etc = root.folder.appending(path: "etc/shipshape")
        try FileManager.default.createDirectory(at: etc.appending(path: "github"), withIntermediateDirectories: true)
        try Data(configMapConfiguration().utf8).write(to: etc.appending(path: "shipshape.yaml"))
        try Data(OpenSSLTool.generateRSAKey().privateKey.utf8).write(to: etc.appending(path: "github/private-key.pem"))
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: etc.appending(path: "github/private-key.pem").path)
        let port = try freePort()
        let log = root.folder.appending(path: "../serve.log")
        let serve = try root.start(
            ["/usr/local/bin/shipshape", "serve", "--config", "/etc/shipshape/shipshape.yaml", "--port", "\(port)"],
            environment: ["SHIPSHAPE_GITHUB_APP_ID": "1", "SHIPSHAPE_GITHUB_WEBHOOK_SECRET": "secret"], log: log)
        defer {
            serve.terminate()
            serve.waitUntilExit()
        }
        // Bounds a hang, not speed: curl retries for up to 120 s while the server starts.
        let health = try ProcessRunner.tool(
            "curl",
            [
                "-sSf", "--retry", "120", "--retry-delay", "1", "--retry-connrefused", "--retry-all-errors",
                "--max-time", "5", "http://127.0.0.1:\(port)/healthz",
            ])
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(health.status == 0, "healthz: \(health.output)\nserve: \(output)")
        #expect(
            FileManager.default.fileExists(atPath: root.folder.appending(path: "var/lib/shipshape/queue.sqlite").path),
            "\(output)")
    }

    /// shipshape.yaml from the ConfigMap in config/deploy/shipshape.yaml (a literal block, indented 4).
    static func configMapConfiguration() throws -> String {
        let text = try String(contentsOf: repository.appending(path: "config/deploy/shipshape.yaml"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  shipshape.yaml: |"))
        return lines[(start + 1)...].prefix { $0.hasPrefix("    ") || $0.isEmpty }.map { String($0.dropFirst(4)) }
            .joined(separator: "\n")
    }
}

/// Runs blocking work (processes, curl) on a thread of its own, never on Swift's cooperative pool.
func onThreadOfItsOwn(_ body: @escaping @Sendable () throws -> Void) async throws {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        Thread {
            do {
                try body()
                continuation.resume()
            } catch {
                continuation.resume(throwing: error)
            }
        }.start()
    }
}
