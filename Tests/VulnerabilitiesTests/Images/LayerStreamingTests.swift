import Foundation
import HTTPKit
import ShipshapeTesting
import Testing
import Upgrades

@testable import Vulnerabilities

/// Layers read as they arrive from a real `docker-registry` on loopback: a large one is read
/// through without being held, one whose bytes are not its digest and one cut short fail with a
/// clear error, are not cached, and the other images are still scanned.
@Suite(.serialized) struct LayerStreamingTests {
    func image(_ registry: RegistryFixture, _ repository: String, _ tag: String) -> ImageReference {
        ImageReference(registry: registry.host, repository: repository, tag: tag)
    }

    /// `megabytes` files of 1 MiB that gzip cannot shrink (each different from the others).
    static func noise(megabytes: Int, in scratch: Scratch, folder: String) throws -> LayerArchive {
        var generator = SystemRandomNumberGenerator()
        var block = [UInt8](repeating: 0, count: 1 << 20)
        for index in block.indices { block[index] = UInt8.random(in: 0...255, using: &generator) }
        for file in 0..<megabytes {
            block.replaceSubrange(0..<8, with: withUnsafeBytes(of: file.bigEndian, Array.init))
            try scratch.write("\(folder)/data/\(file).bin", block)
        }
        return try LayerArchive(folder: scratch.url.appending(path: folder))
    }

    @Test func aLargeLayerStreamsAndIsScanned() async throws {
        let scratch = try Scratch("layer-large")
        defer { scratch.remove() }
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        let large = try Self.noise(megabytes: 64, in: scratch, folder: "large")
        #expect(large.data.count > 64 << 20, "incompressible")
        try registry.pushImage(
            repository: "team/large", tag: "1", layers: [try ImageFolders.debianBase(in: scratch), large])
        // The compressed limit is above the layer, the files each under what a scan holds.
        let limits = ImageContentsReader.Limits(
            compressedLayerBytes: 128 << 20, uncompressedLayerBytes: 256 << 20, keptFileBytes: 4 << 20)
        let contents = try await ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient()), limits: limits)
            .contents(of: image(registry, "team/large", "1"))
        #expect(contents.root.files["data/63.bin"] == .other)
        #expect(contents.root.files.keys.filter { $0.hasPrefix("data/") }.count == 64)
        let packages = PackageInventory(root: contents.root).packages.filter { $0.kind == .debian }
        #expect(packages.count == (try ImageFolders.installedDebianPackages()) + 1)

        // The same layer past an unpacked limit is refused as it streams, naming the limit.
        let small = ImageContentsReader.Limits(compressedLayerBytes: 128 << 20, uncompressedLayerBytes: 16 << 20)
        let refused = await #expect(throws: ImageScanError.self) {
            try await ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient()), limits: small)
                .contents(of: image(registry, "team/large", "1"))
        }
        #expect(refused?.isOverLimit == true, "\(String(describing: refused))")
        #expect(refused?.reason.contains("inflates to more than 16 MiB; refused") == true)
    }

    @Test func aLayerWhoseBytesAreNotItsDigestFailsAndIsNotCached() async throws {
        let scratch = try Scratch("layer-digest")
        defer { scratch.remove() }
        let registry = try RegistryFixture.start()
        defer { registry.shutdown() }
        try scratch.write("plain/etc/os-release", text: ImageFolders.alpineRelease)
        // Plain tar: a changed byte inside a file's contents is still a readable layer, so only the
        // digest can tell.
        let layer = try LayerArchive(folder: scratch.url.appending(path: "plain"), compression: .none)
        try registry.pushImage(repository: "team/plain", tag: "1", layers: [layer])
        let offset = try #require(layer.data.firstRange(of: Data("Alpine".utf8))?.lowerBound)
        var changed = layer.data
        changed[offset] = UInt8(ascii: "a")
        try registry.overwriteStoredBlob(layer.digest, with: changed)

        let folder = scratch.url.appending(path: "cache")
        let reader = ImageContentsReader(
            registry: RegistryClient(http: CurlHTTPClient()), cache: LayerCache(folder: folder))
        let failed = await #expect(throws: ImageScanError.self) {
            try await reader.contents(of: image(registry, "team/plain", "1"))
        }
        #expect(
            failed?.reason.hasPrefix("layer \(layer.digest) does not match its digest") == true,
            "\(String(describing: failed))")
        #expect(!FileManager.default.fileExists(atPath: folder.path), "nothing of it was cached")

        try registry.overwriteStoredBlob(layer.digest, with: layer.data)
        let contents = try await reader.contents(of: image(registry, "team/plain", "1"))
        #expect(PackageInventory(root: contents.root).distribution?.osvEcosystem == "Alpine:v3.20")
        #expect(
            try registry.requestLog().filter { $0.hasSuffix(layer.digest) }.count == 2,
            "read again from the registry, not from what the failed read left")
    }

    @Test func aStreamCutShortFailsAndTheOtherImagesAreStillScanned() async throws {
        let scratch = try Scratch("layer-cut")
        defer { scratch.remove() }
        let registry = try RegistryFixture.start(cachesBlobDescriptors: true)
        defer { registry.shutdown() }
        let cut = try ImageFolders.debianBase(in: scratch)
        try registry.pushImage(repository: "team/cut", tag: "1", layers: [cut])
        try registry.pushImage(repository: "team/edge", tag: "3.20", layers: [try ImageFolders.alpine(in: scratch)])
        // The registry still answers with the pushed size, then ends the answer halfway.
        try registry.overwriteStoredBlob(cut.digest, with: cut.data.prefix(cut.data.count / 2))
        try scratch.write(
            "deploy/app.yaml",
            text: """
                apiVersion: v1
                kind: Pod
                metadata: {name: api}
                spec:
                  containers:
                    - {name: cut, image: "\(registry.host)/team/cut:1"}
                    - {name: edge, image: "\(registry.host)/team/edge:3.20"}

                """)
        let images = ImageScanner.images(in: try DependencyScanner.scan([scratch.url.appending(path: "deploy").path]))
        // Retrying as `scan-images` and the bot do: a connection the loopback registry drops before
        // answering (seen once in a full run) is tried again; a body cut short is not.
        let scanner = ImageScanner(
            reader: ImageContentsReader(registry: RegistryClient(http: RetryingHTTPClient(wrapping: CurlHTTPClient()))),
            matcher: VulnerabilityMatcher(database: try AdvisoryDatabase(path: nil)))
        let results = await scanner.scan(images)
        #expect(results.map(\.image) == images.map(\.image.description))
        let error = try #require(results.first?.error)
        #expect(error.hasPrefix("layer \(cut.digest) could not be read"), "\(error)")
        #expect(results.last?.error == nil && results.last?.distribution != nil, "the other image is scanned")
    }

    /// A layer that keeps coming, however slowly, is read past the client's limit for a whole
    /// exchange (4 s here: meant for manifests and API calls, not for layers; the layer takes 8 s).
    @Test func aSlowButSteadyLayerOutlastsTheExchangeLimit() async throws {
        let scratch = try Scratch("layer-slow")
        defer { scratch.remove() }
        let layer = try ImageFolders.alpine(in: scratch)
        let registry = try SlowLayerRegistry(
            repository: "team/slow", tag: "1", layer: layer,
            pace: .trickle(piece: layer.data.count / 10 + 1, interval: .milliseconds(800)))
        defer { registry.shutdown() }
        let client = CurlHTTPClient(configuration: .init(timeout: .seconds(4)))
        let contents = try await ImageContentsReader(registry: RegistryClient(http: client))
            .contents(of: ImageReference(registry: registry.host, repository: "team/slow", tag: "1"))
        #expect(PackageInventory(root: contents.root).distribution?.osvEcosystem == "Alpine:v3.20")
    }

    /// A layer whose download stops fails once nothing came for the idle limit (1 s here), long
    /// before the limit for the whole download, naming the layer.
    @Test func aStalledLayerFailsAtTheIdleLimit() async throws {
        let scratch = try Scratch("layer-stalled")
        defer { scratch.remove() }
        let layer = try ImageFolders.alpine(in: scratch)
        let registry = try SlowLayerRegistry(
            repository: "team/stalled", tag: "1", layer: layer, pace: .stall(after: layer.data.count / 2))
        defer { registry.shutdown() }
        let limits = ImageContentsReader.Limits(layerDownloadTime: .seconds(300), layerIdleTime: .seconds(1))
        let failed = await #expect(throws: ImageScanError.self) {
            try await ImageContentsReader(registry: RegistryClient(http: CurlHTTPClient()), limits: limits)
                .contents(of: ImageReference(registry: registry.host, repository: "team/stalled", tag: "1"))
        }
        #expect(
            failed?.reason.hasPrefix("layer \(layer.digest) could not be read") == true
                && failed?.reason.hasSuffix("stalled: nothing came for 1 s") == true,
            "\(String(describing: failed))")
    }
}
