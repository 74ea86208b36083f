import Kustomize
import Testing

/// Builds of several roots share a `BuildCache`: what a root reads, and the bounds on it, are
/// the same whether its folders and files were read for it or found already read for another
/// root (parallel builds find them in any order).
@Suite struct BuildCacheTests {
    static func configMap(_ name: String, payload: Int = 10) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \(name)}\ndata: {payload: \(String(repeating: "x", count: payload))}\n"
    }

    @Test func aFolderFoundBuiltNamesEveryFileItsBuildRead() throws {
        let files: [String: String] = [
            "shared/kustomization.yaml": "resources: [config.yaml]\n",
            "shared/config.yaml": Self.configMap("shared"),
            "base/kustomization.yaml": "namePrefix: b-\nresources: [../shared, deploy.yaml]\n",
            "base/deploy.yaml": Self.configMap("base"),
            "first/kustomization.yaml": "resources: [../shared, ../base]\n",
            "second/kustomization.yaml": "resources: [../base]\n",
        ]
        let fileSystem = MemoryFileSystem(files)
        let alone = try KustomizeBuilder(fileSystem: fileSystem).build(folder: "second")
        #expect(alone.files.contains("shared/config.yaml"))
        let builder = KustomizeBuilder(fileSystem: fileSystem, cache: BuildCache())
        _ = try builder.build(folder: "first")
        // `base` was built for `first` after `shared`: it read `shared`'s files all the same.
        #expect(try builder.build(folder: "second").files == alone.files)
    }

    @Test func aRootsBoundsCountWhatItFindsAlreadyRead() throws {
        let files: [String: String] = [
            "big1/kustomization.yaml": "resources: [big.yaml]\n",
            "big1/big.yaml": Self.configMap("one", payload: 4_000),
            "big2/kustomization.yaml": "resources: [big.yaml]\n",
            "big2/big.yaml": Self.configMap("two", payload: 4_000),
            "comp/kustomization.yaml":
                "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [big.yaml]\n",
            "comp/big.yaml": Self.configMap("three", payload: 4_000),
            "one/kustomization.yaml": "resources: [../big1]\n",
            "two/kustomization.yaml": "resources: [../big2]\n",
            "component/kustomization.yaml": "components: [../comp]\n",
            "both/kustomization.yaml": "resources: [../big1, ../big2]\n",
            "mixed/kustomization.yaml": "resources: [../big1]\ncomponents: [../comp]\n",
        ]
        var limits = BuildLimits()
        limits.maxTotalBytes = 6_000
        let fileSystem = MemoryFileSystem(files)
        let cached = KustomizeBuilder(fileSystem: fileSystem, limits: limits, cache: BuildCache())
        for root in ["one", "two", "component"] { _ = try cached.build(folder: root) }
        let overBound = { (error: any Error) in
            (error as? KustomizeError)?.message == "the build reads more than 6000 bytes"
        }
        for root in ["both", "mixed"] {
            #expect { try KustomizeBuilder(fileSystem: fileSystem, limits: limits).build(folder: root) } throws: {
                overBound($0)
            }
            #expect { try cached.build(folder: root) } throws: { overBound($0) }
        }
    }
}
