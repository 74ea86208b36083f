import Dispatch
import Foundation
import Policy
import Synchronization

/// The kustomization roots of one tree, built, and the files each one read: which roots a
/// changed file affects (a review rebuilds those), which files are represented by built objects
/// (never checked on their own).
package struct KustomizationIndex: Sendable {
    package struct Root: Sendable {
        package var folder: String
        /// The Flux Kustomization or Argo CD Application it is built for, if any.
        package var deployer: RootDeployer?
        package var outcome: Result<BuiltRoot, any Error>
        /// The built objects as the policy engine checks them, when the root built completely
        /// (an index made without keeping objects keeps them only for roots it cannot rebuild
        /// cheaply or whose Kyverno policies must be known first: see `keptObjects`).
        package var generated: GeneratedManifests?
        /// Whether the root built completely: its objects are checked in place of its files.
        package var isComplete = false
        /// The files its objects' documents are in (the others it read as patches or generator inputs).
        package var documentFiles: Set<String> = []
        /// Whether its build rendered charts (`helmCharts`).
        package var renderedCharts = false
        /// Whether its objects include a Kyverno policy.
        package var holdsPolicies = false

        /// The built root, when it built at all (completely or with notes). In an index made
        /// without keeping objects its `resources` are empty.
        package var built: BuiltRoot? { try? outcome.get() }

        /// What to tell about the root: why it was not built (its files are then checked one
        /// by one), and the patch targets that matched nothing.
        package var notes: [String] {
            let name = deployer?.rootLabel ?? folder
            let remarks = (deployer?.remarks ?? []).map { "kustomize: \($0)" }
            let built: BuiltRoot
            do { built = try outcome.get() } catch {
                return ["kustomize: \(name) cannot be built: \(error); its files are checked one by one"] + remarks
            }
            var notes = built.warnings.map { "kustomize: \($0)" }
            if let first = built.notes.first {
                let features = Set(built.notes.map(\.feature)).sorted().joined(separator: ", ")
                notes.append("kustomize: \(first) (\(name) uses \(features); its files are checked one by one)")
            }
            return notes + remarks
        }
    }

    package var roots: [Root]

    /// Builds the roots among `kustomizationFiles` (folders with a kustomization that no other
    /// kustomization includes) in parallel; the builder's cache builds each shared base once.
    /// `deployers`: the folders Flux Kustomizations and Argo CD Applications deploy, each a root
    /// built as its tool builds it, in place of the folder's own root when it is one.
    /// `keepingObjects: false`: each root's objects are let go once its facts are taken (a check
    /// builds them again one at a time, `KustomizeCheckPlan.deferred`), except where `keptObjects` says.
    package init(
        kustomizationFiles: [String], deployers: [RootDeployer] = [], builder: KustomizeBuilder,
        keepingObjects: Bool = true
    ) {
        let folders = Self.roots(among: kustomizationFiles, fileSystem: builder.fileSystem)
        self.init(roots: folders, deployers: deployers, builder: builder, keepingObjects: keepingObjects)
    }

    /// Builds the given root folders, and the folders of `deployers` (in place of the same
    /// folder among `folders`), in parallel.
    package init(
        roots folders: [String], deployers: [RootDeployer] = [], builder: KustomizeBuilder, keepingObjects: Bool = true
    ) {
        // A deployed folder is built for its deployer, and a folder its generated kustomization
        // lists is part of that build: neither is a root of its own.
        let deployed = Set(
            deployers.flatMap { deployer in
                [deployer.folder] + (deployer.generatedResources ?? []).map { BuildPath.join(deployer.folder, $0) }
            })
        let requests =
            folders.filter { !deployed.contains($0) }.map { (folder: $0, deployer: RootDeployer?.none) }
            + deployers.map { (folder: $0.folder, deployer: Optional($0)) }
        let slots = RootSlots(count: requests.count)
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            let (folder, deployer) = requests[index]
            var charts = builder
            let watch = builder.charts.map { ChartUse(inflater: $0) }
            charts.charts = watch
            var outcome = Result<BuiltRoot, any Error> { try charts.build(folder: folder, deployer: deployer) }
            var root = Root(folder: folder, deployer: deployer, outcome: outcome, generated: nil)
            if let built = try? outcome.get() {
                root.isComplete = built.isComplete
                root.documentFiles = Set(built.resources.map(\.anchor.file))
                root.renderedCharts = watch?.used ?? false
                root.holdsPolicies = built.resources.contains {
                    KyvernoPolicies.kinds.contains($0.kind)
                        && ($0.node["apiVersion"]?.string ?? "").hasPrefix("kyverno.io/")
                }
                if built.isComplete, keepingObjects || Self.keptObjects(root) {
                    root.generated = built.generatedManifests()
                }
                if !keepingObjects {
                    var summary = built
                    summary.resources = []
                    outcome = .success(summary)
                    root.outcome = outcome
                }
            }
            slots[index] = root
        }
        roots = slots.values
    }

    /// Roots whose objects an index keeps even when asked not to: building them again would
    /// render their charts again (worker processes), and their Kyverno policies must be known
    /// before any object is checked.
    static func keptObjects(_ root: Root) -> Bool { root.renderedCharts || root.holdsPolicies }

    /// The folders with a kustomization (not a Component) that no other kustomization lists
    /// under `resources`, `bases` or `components`. A kustomization that cannot be read is a root
    /// (its build then says why).
    package static func roots(among kustomizationFiles: [String], fileSystem: any BuildFileSystem) -> [String] {
        let links = kustomizationFiles.map { file in
            (file, (try? fileSystem.read(file)).flatMap { KustomizationGraph.Links(file: file, bytes: $0) })
        }
        return KustomizationGraph(kustomizations: Dictionary(links) { first, _ in first }).roots
    }

    /// Whether `path` names a kustomization file.
    package static func isKustomizationFile(_ path: String) -> Bool {
        Kustomization.fileNames.contains(BuildPath.base(of: path))
    }

    /// The roots a change to `paths` affects: those that read one of them or rendered a chart
    /// folder holding one, and those that could not be built whose folder holds one or whose
    /// error names one.
    package func roots(affectedBy paths: Set<String>) -> [Root] {
        roots.filter { root in
            if let file = root.deployer?.location.file, paths.contains(file) { return true }
            switch root.outcome {
            case .success(let built):
                return !built.files.isDisjoint(with: paths)
                    || paths.contains { path in built.chartFolders.contains { BuildPath.isWithin(path, $0) } }
            case .failure(let error):
                if let file = (error as? KustomizeError)?.location?.file, paths.contains(file) { return true }
                return paths.contains { BuildPath.isWithin($0, root.folder) }
            }
        }
    }

    /// The files that roots built completely represent: their built objects are checked in their
    /// place. Kustomization files are not among them (they stay context for namespaces).
    package var coveredFiles: Set<String> {
        var covered = Set<String>()
        for root in roots where root.isComplete {
            covered.formUnion(root.built?.files ?? [])
        }
        return covered.filter { !Self.isKustomizationFile($0) }
    }

    /// The kustomization files that roots built completely read: their `helmCharts` were
    /// rendered with them, never to be rendered again on their own.
    package var builtKustomizationFiles: Set<String> {
        Set(roots.filter { $0.generated != nil }.flatMap { $0.built?.files ?? [] }.filter(Self.isKustomizationFile))
    }

    /// Files that roots built completely read only as patches (or generator inputs): no built
    /// object has its document there, so they are never objects of their own, to check or to fix.
    package var patchFiles: Set<String> {
        var documents = Set<String>()
        for root in roots where root.isComplete { documents.formUnion(root.documentFiles) }
        return coveredFiles.subtracting(documents)
    }
}

/// One result per index, written from parallel workers.
private final class RootSlots: Sendable {
    private let slots: Mutex<[KustomizationIndex.Root?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    subscript(index: Int) -> KustomizationIndex.Root? {
        get { slots.withLock { $0[index] } }
        set { slots.withLock { $0[index] = newValue } }
    }

    var values: [KustomizationIndex.Root] { slots.withLock { $0.compactMap { $0 } } }
}
