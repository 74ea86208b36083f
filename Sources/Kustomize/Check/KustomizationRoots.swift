import Foundation
import Policy

/// What `shipshape check` does with the kustomizations among the files it was given: the roots
/// (folders with a kustomization that no other kustomization includes, and the folders Flux
/// Kustomizations and Argo CD Applications deploy) are built and their objects checked in place
/// of the files they read; every other file is checked as before.
package struct KustomizeCheckPlan: Sendable {
    /// The built objects of every root that built completely.
    package var generated: [GeneratedManifests]
    /// The files still checked on their own: those outside every built root, the
    /// kustomization files themselves, and the files of roots that were refused or failed.
    package var files: [String]
    /// One line per root not built (why, and that its files are checked one by one), and per
    /// patch target that matched nothing.
    package var notes: [String]
    /// Files the built roots read only as patches: never objects of their own (`fix` leaves them).
    package var patchFiles: Set<String> = []
    /// The roots behind `generated`, for fixing what their patches set.
    package var builtRoots: [BuiltRoot] = []
    /// The built objects of roots that built completely, made again one root at a time while
    /// the engine checks them (a plan made with `deferringObjects`; `generated` then holds none of them).
    package var deferred: DeferredManifests = .none

    /// Charts rendered on their own (`<kustomization>@render...`) that a built root already
    /// rendered as part of its objects: left out, so their objects are not checked twice.
    package func withoutChartsItBuilt(_ streams: [GeneratedManifests]) -> [GeneratedManifests] {
        let built = builtKustomizationFiles
        guard !built.isEmpty else { return streams }
        return streams.filter { stream in
            guard let at = stream.path.range(of: "@render", options: .backwards) else { return true }
            return !built.contains(BuildPath.clean(String(stream.path[..<at.lowerBound])))
        }
    }

    /// The kustomization files of the roots that built (their `helmCharts` rendered with them).
    package var builtKustomizationFiles: Set<String> {
        Set(builtRoots.flatMap(\.files).filter(KustomizationIndex.isKustomizationFile))
    }

    /// Whether a built root read this kustomization file (a note about rendering its charts alone is moot).
    package func built(_ kustomizationFile: String) -> Bool {
        builtKustomizationFiles.contains(BuildPath.clean(kustomizationFile))
    }

    /// Whether `path` (as the manifest walker lists it) is read only as a patch.
    package func isPatch(_ path: String) -> Bool { patchFiles.contains(BuildPath.clean(path)) }

    /// Plans the check of `files` (as the manifest walker lists them). A kustomization in an
    /// ignored path (`ignorePaths`) is not built.
    ///
    /// `deferringObjects`: every root is built once for what the plan needs (the files it reads,
    /// its notes), its objects let go, and built again when the engine checks it (`deferred`),
    /// each build without a shared cache; so `check` holds one root's objects per core at a
    /// time, not the tree's. `builtRoots` then have no resources (`fix` does not defer).
    package static func make(
        files: [String], builder: KustomizeBuilder = KustomizeBuilder(cache: BuildCache()),
        isIgnored: (String) -> Bool = { _ in false }, deferringObjects: Bool = false
    ) -> KustomizeCheckPlan {
        let kustomizationFiles = files.filter { KustomizationIndex.isKustomizationFile($0) && !isIgnored($0) }
        let fileSystem = builder.fileSystem
        let deployers = RootDeployers(files: files).deployers { try fileSystem.read($0) }.filter {
            !isIgnored($0.location.file)
        }
        guard !kustomizationFiles.isEmpty || !deployers.isEmpty else {
            return KustomizeCheckPlan(generated: [], files: files, notes: [])
        }
        var builder = builder
        if deferringObjects { builder.cache = nil }
        let index = KustomizationIndex(
            kustomizationFiles: kustomizationFiles, deployers: deployers, builder: builder,
            keepingObjects: !deferringObjects)
        let covered = index.coveredFiles
        let kept = files.filter { !covered.contains(BuildPath.clean($0)) }
        var plan = KustomizeCheckPlan(
            generated: [], files: kept, notes: index.roots.flatMap(\.notes), patchFiles: index.patchFiles,
            builtRoots: index.roots.filter(\.isComplete).compactMap(\.built))
        guard deferringObjects else {
            plan.generated = index.roots.compactMap(\.generated)
            return plan
        }
        plan.deferred = deferred(index.roots.filter(\.isComplete), builder: builder)
        return plan
    }

    /// The complete roots' objects, each made when the engine asks: built again (the build is
    /// deterministic), or the objects the index kept.
    private static func deferred(_ roots: [KustomizationIndex.Root], builder: KustomizeBuilder) -> DeferredManifests {
        let entries = roots.compactMap { root in
            root.built.map { DeferredManifests.Entry(path: $0.streamPath, namespace: $0.deployer?.defaultNamespace) }
        }
        return DeferredManifests(
            entries: entries, policyStreams: roots.filter(\.holdsPolicies).compactMap(\.generated)
        ) { index in
            let root = roots[index]
            if let kept = root.generated { return kept }
            guard let built = try? builder.build(folder: root.folder, deployer: root.deployer), built.isComplete
            else { return nil }
            return built.generatedManifests()
        }
    }
}
