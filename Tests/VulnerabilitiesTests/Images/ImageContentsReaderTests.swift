import Foundation
import HTTPKit
import ShipshapeTesting
import Testing
import Upgrades

@testable import Vulnerabilities

/// Images the tests build, pushed to a real `docker-registry` on loopback, read back layer by layer.
@Suite(.serialized) struct ImageContentsReaderTests {
    func image(_ registry: RegistryFixture, _ repository: String, _ tag: String) -> ImageReference {
        ImageReference(registry: registry.host, repository: repository, tag: tag)
    }

    /// A multi-platform index: amd64 (Debian, two layers: gzip and zstd, with a whiteout, an
    /// opaque folder and a Go binary) and arm64 (Alpine). amd64 is taken unless configured.
    @Test func appliesLayersOfThePlatformsImage() async throws {
        let scratch = try Scratch("image")
        defer { scratch.remove() }
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        let goBinary = GoFixture.isAvailable ? try GoFixture.binary.get() : nil
        let amd64 = try registry.pushImage(
            repository: "team/app", tag: nil,
            layers: [
                try ImageFolders.debianBase(in: scratch), try ImageFolders.debianUpper(in: scratch, goBinary: goBinary),
            ])
        let arm64 = try registry.pushImage(
            repository: "team/app", tag: nil, layers: [try ImageFolders.alpine(in: scratch)], architecture: "arm64")
        try registry.pushIndex(
            repository: "team/app", tag: "1.0", manifests: [(arm64, "linux", "arm64"), (amd64, "linux", "amd64")])

        let client = RegistryClient(http: CurlHTTPClient())
        let contents = try await ImageContentsReader(registry: client).contents(of: image(registry, "team/app", "1.0"))
        #expect(contents.manifestDigest == amd64.digest)
        #expect(contents.platform == "linux/amd64")
        let inventory = PackageInventory(root: contents.root)
        #expect(inventory.distribution?.osvEcosystem == "Debian:12", "os-release read through its link")
        let debian = inventory.packages.filter { $0.kind == .debian }
        #expect(
            debian.count == (try ImageFolders.installedDebianPackages()) + 1,
            "this machine's status file, and status.d's newpkg only (opaque)")
        #expect(
            debian.contains { $0.name == "newpkg" && $0.sourceName == "newsrc" }
                && !debian.contains { $0.name == "oldpkg" })
        #expect(!inventory.packages.contains { $0.kind == .alpine }, "the apk database was whited out")
        if goBinary != nil {
            #expect(inventory.packages.filter { $0.kind == .goModule }.map(\.name) == ["stdlib", "golang.org/x/text"])
        }

        let alpine = try await ImageContentsReader(registry: client, platform: ImagePlatform(parsing: "linux/arm64")!)
            .contents(of: image(registry, "team/app", "1.0"))
        #expect(PackageInventory(root: alpine.root).packages.map(\.sourceName) == ["busybox", "openssl"])
        let missing = await #expect(throws: ImageScanError.self) {
            try await ImageContentsReader(registry: client, platform: ImagePlatform(parsing: "linux/s390x")!).contents(
                of: image(registry, "team/app", "1.0"))
        }
        #expect(missing?.reason == "has no linux/s390x image (the index offers linux/arm64, linux/amd64)")
    }

    /// Two images on one base layer: the base is downloaded and unpacked once.
    @Test func aSharedLayerIsReadOncePerDigest() async throws {
        let scratch = try Scratch("image-cache")
        defer { scratch.remove() }
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        let base = try ImageFolders.debianBase(in: scratch)
        try registry.pushImage(
            repository: "team/one", tag: "1", layers: [base, try ImageFolders.debianUpper(in: scratch, goBinary: nil)])
        try registry.pushImage(repository: "team/two", tag: "1", layers: [base, try ImageFolders.alpine(in: scratch)])
        let cache = LayerCache()
        let reader = ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient()), cache: cache)
        _ = try await reader.contents(of: image(registry, "team/one", "1"))
        _ = try await reader.contents(of: image(registry, "team/two", "1"))
        _ = try await reader.contents(of: image(registry, "team/one", "1"))
        #expect(await cache.reads == 3)
        #expect(try registry.requestLog().filter { $0.hasSuffix(base.digest) }.count == 1)
    }

    /// A cache with a folder keeps what each layer changes for the next run: a second cache on
    /// the same folder downloads no layer, and reads the same files.
    @Test func theNextRunReadsLayersFromTheCacheFolder() async throws {
        let scratch = try Scratch("image-disk-cache")
        defer { scratch.remove() }
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        let goBinary = GoFixture.isAvailable ? try GoFixture.binary.get() : nil
        try registry.pushImage(
            repository: "team/one", tag: "1",
            layers: [
                try ImageFolders.debianBase(in: scratch), try ImageFolders.debianUpper(in: scratch, goBinary: goBinary),
            ])
        let folder = scratch.url.appending(path: "cache")
        let first = LayerCache(folder: folder)
        let second = LayerCache(folder: folder)
        let cold = try await ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient()), cache: first)
            .contents(of: image(registry, "team/one", "1"))
        let warm = try await ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient()), cache: second)
            .contents(of: image(registry, "team/one", "1"))
        #expect(await first.reads == 2)
        #expect(await second.reads == 0)
        #expect(warm.root == cold.root)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
        #expect(LayerCache.file(for: "sha256:../../etc/passwd", in: folder) == nil)
    }

    @Test func aLayerOverTheLimitIsRefusedWithANote() async throws {
        let scratch = try Scratch("image-limit")
        defer { scratch.remove() }
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        // 16 MiB of zeros: a small download that unpacks past a 4 MiB limit.
        try scratch.write("bomb/zeros", [UInt8](repeating: 0, count: 16 << 20))
        try registry.pushImage(
            repository: "team/bomb", tag: "1", layers: [try LayerArchive(folder: scratch.url.appending(path: "bomb"))])
        try scratch.write("big/noise", (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        let bigLayer = try LayerArchive(folder: scratch.url.appending(path: "big"), compression: .none)
        try registry.pushImage(repository: "team/big", tag: "1", layers: [bigLayer])
        let limits = ImageContentsReader.Limits(compressedLayerBytes: 2 << 20, uncompressedLayerBytes: 4 << 20)
        let reader = ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient()), limits: limits)
        let bomb = await #expect(throws: ImageScanError.self) {
            try await reader.contents(of: image(registry, "team/bomb", "1"))
        }
        #expect(bomb?.isOverLimit == true && bomb?.reason.contains("more than 4 MiB; refused") == true)
        let big = await #expect(throws: ImageScanError.self) {
            try await reader.contents(of: image(registry, "team/big", "1"))
        }
        #expect(big?.isOverLimit == true && big?.reason.contains("more than the limit of 2 MiB; refused") == true)
        #expect(
            try registry.requestLog().filter { $0.hasSuffix(bigLayer.digest) }.isEmpty,
            "the too-big layer is refused before its download")
    }

    @Test func registryAuthenticationAsTheUpgradeEngineDoesIt() async throws {
        let scratch = try Scratch("image-auth")
        defer { scratch.remove() }
        let registry = try RegistryFixture.start(authentication: .token(user: "bot", password: "tok"))
        defer { registry.shutdown() }
        try registry.pushImage(repository: "private/app", tag: "2", layers: [try ImageFolders.alpine(in: scratch)])
        let login = RegistryCredentials([
            registry.host: .init(username: "bot", password: "tok", tokenHosts: [try registry.tokenHost()])
        ])
        let contents = try await ImageContentsReader(
            registry: RegistryClient(http: CurlHTTPClient(), credentials: login)
        ).contents(of: image(registry, "private/app", "2"))
        #expect(PackageInventory(root: contents.root).distribution?.osvEcosystem == "Alpine:v3.20")
        await #expect(throws: (any Error).self) {
            try await ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient())).contents(
                of: image(registry, "private/app", "2"))
        }
    }

    /// `upgrades.mirrors`: an image of a registry that has a mirror is read from the mirror (its
    /// host and path prefix); the reference keeps naming the original.
    @Test func aMirroredRegistryIsReadFromItsMirror() async throws {
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try VulnerableImages.pushWeb(to: registry, repository: "cache/team/web")
        let reader = ImageContentsReader(
            registry: RegistryClient(http: CurlHTTPClient()),
            mirrors: SourceMirrors(["registry.shipshape.invalid": "\(registry.host)/cache"]))
        let original = ImageReference(registry: "registry.shipshape.invalid", repository: "team/web", tag: "1.1")
        let contents = try await reader.contents(of: original)
        #expect(PackageInventory(root: contents.root).packages.map(\.name).sorted() == ["busybox", "libcrypto3"])
        #expect(try registry.requestLog().contains("/v2/cache/team/web/manifests/1.1"))
        // Without the mirror, the original registry (which does not resolve) is asked and fails.
        await #expect(throws: (any Error).self) {
            try await ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient())).contents(of: original)
        }
    }
}
