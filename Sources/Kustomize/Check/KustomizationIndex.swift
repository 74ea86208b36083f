import Dispatch
import Foundation
import Policy

/// The kustomization roots of one tree, built, and the files each one read: which roots a
/// changed file affects (a review rebuilds those), which files are represented by built objects
/// (never checked on their own).
public struct KustomizationIndex: Sendable {
    public struct Root: Sendable {
        public var folder: String
        public var outcome: Result<BuiltRoot, any Error>
        /// The built objects as the policy engine checks them, when the root built completely.
        public var generated: GeneratedManifests?

        /// The built root, when it built at all (completely or with notes).
        public var built: BuiltRoot? { try? outcome.get() }

        /// What to tell about the root: why it was not built (its files are then checked one
        /// by one), and the patch targets that matched nothing.
        public var notes: [String] {
            let built: BuiltRoot
            do { built = try outcome.get() } catch {
                return ["kustomize: \(folder) cannot be built: \(error); its files are checked one by one"]
            }
            var notes = built.warnings.map { "kustomize: \($0)" }
            if let first = built.notes.first {
                let features = Set(built.notes.map(\.feature)).sorted().joined(separator: ", ")
                notes.append("kustomize: \(first) (\(folder) uses \(features); its files are checked one by one)")
            }
            return notes
        }
    }

    public var roots: [Root]

    /// Builds the roots among `kustomizationFiles` (folders with a kustomization that no other
    /// kustomization includes) in parallel; the builder's cache builds each shared base once.
    public init(kustomizationFiles: [String], builder: KustomizeBuilder) {
        let folders = Self.roots(among: kustomizationFiles, fileSystem: builder.fileSystem)
        self.init(roots: folders, builder: builder)
    }

    /// Builds the given root folders in parallel.
    public init(roots folders: [String], builder: KustomizeBuilder) {
        let slots = RootSlots(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            let outcome = Result<BuiltRoot, any Error> { try builder.build(folder: folders[index]) }
            let generated = (try? outcome.get()).flatMap { $0.isComplete ? $0.generatedManifests() : nil }
            slots[index] = Root(folder: folders[index], outcome: outcome, generated: generated)
        }
        roots = slots.values
    }

    /// The folders with a kustomization (not a Component) that no other kustomization lists
    /// under `resources`, `bases` or `components`. A kustomization that cannot be read is a root
    /// (its build then says why).
    public static func roots(among kustomizationFiles: [String], fileSystem: any BuildFileSystem) -> [String] {
        let links = kustomizationFiles.map { file in
            (file, (try? fileSystem.read(file)).flatMap { KustomizationGraph.Links(file: file, bytes: $0) })
        }
        return KustomizationGraph(kustomizations: Dictionary(links) { first, _ in first }).roots
    }

    /// Whether `path` names a kustomization file.
    public static func isKustomizationFile(_ path: String) -> Bool {
        Kustomization.fileNames.contains(BuildPath.base(of: path))
    }

    /// The roots a change to `paths` affects: those that read one of them, and those that could
    /// not be built whose folder holds one or whose error names one.
    public func roots(affectedBy paths: Set<String>) -> [Root] {
        roots.filter { root in
            switch root.outcome {
            case .success(let built):
                return !built.files.isDisjoint(with: paths)
            case .failure(let error):
                if let file = (error as? KustomizeError)?.location?.file, paths.contains(file) { return true }
                return paths.contains { BuildPath.isWithin($0, root.folder) }
            }
        }
    }

    /// The files that roots built completely represent: their built objects are checked in their
    /// place. Kustomization files are not among them (they stay context for namespaces).
    public var coveredFiles: Set<String> {
        var covered = Set<String>()
        for root in roots where root.generated != nil {
            covered.formUnion(root.built?.files ?? [])
        }
        return covered.filter { !Self.isKustomizationFile($0) }
    }

    /// Files that roots built completely read only as patches (or generator inputs): no built
    /// object has its document there, so they are never objects of their own, to check or to fix.
    public var patchFiles: Set<String> {
        var documents = Set<String>()
        for root in roots where root.generated != nil {
            for resource in root.built?.resources ?? [] { documents.insert(resource.anchor.file) }
        }
        return coveredFiles.subtracting(documents)
    }
}

/// One result per index, written from parallel workers.
private final class RootSlots: @unchecked Sendable {
    private var slots: [KustomizationIndex.Root?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> KustomizationIndex.Root? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [KustomizationIndex.Root] { lock.withLock { slots.compactMap { $0 } } }
}
