import Dispatch
import Foundation
import Policy

/// What `shipshape check` does with the kustomizations among the files it was given: the roots
/// (folders with a kustomization that no other kustomization includes) are built and their
/// objects checked in place of the files they read; every other file is checked as before.
public struct KustomizeCheckPlan: Sendable {
    /// The built objects of every root that built completely.
    public var generated: [GeneratedManifests]
    /// The files still checked on their own: those outside every built root, the
    /// kustomization files themselves, and the files of roots that were refused or failed.
    public var files: [String]
    /// One line per root not built (why, and that its files are checked one by one), and per
    /// patch target that matched nothing.
    public var notes: [String]

    /// Plans the check of `files` (as the manifest walker lists them). A kustomization in an
    /// ignored path (`ignorePaths`) is not built.
    public static func make(files: [String], builder: KustomizeBuilder = KustomizeBuilder(cache: BuildCache()),
                            isIgnored: (String) -> Bool = { _ in false }) -> KustomizeCheckPlan {
        let kustomizationFiles = files.filter { Kustomization.fileNames.contains(BuildPath.base(of: $0)) && !isIgnored($0) }
        guard !kustomizationFiles.isEmpty else { return KustomizeCheckPlan(generated: [], files: files, notes: []) }
        var folders: [String] = []
        var included = Set<String>()
        for file in kustomizationFiles {
            let folder = BuildPath.folder(of: file)
            guard let bytes = try? builder.fileSystem.read(file), let kustomization = try? Kustomization(file: file, bytes: bytes) else {
                folders.append(folder)
                continue
            }
            if !kustomization.isComponent { folders.append(folder) }
            for field in ["resources", "bases", "components"] {
                for entry in kustomization.list(field) {
                    guard let text = entry.string, !RemoteReference.isRemote(text) else { continue }
                    included.insert(BuildPath.join(folder, text))
                }
            }
        }
        let roots = Set(folders).subtracting(included).sorted()
        // Roots build in parallel; the shared cache builds each base once.
        let outcomes = ResultSlots<Result<(BuiltRoot, GeneratedManifests?), any Error>>(count: roots.count)
        DispatchQueue.concurrentPerform(iterations: roots.count) { index in
            outcomes[index] = Result {
                let built = try builder.build(folder: roots[index])
                return (built, built.isComplete ? built.generatedManifests() : nil)
            }
        }
        var generated: [GeneratedManifests] = []
        var covered = Set<String>()
        var notes: [String] = []
        for (index, folder) in roots.enumerated() {
            do {
                guard let outcome = outcomes[index] else { continue }
                let (built, stream) = try outcome.get()
                for warning in built.warnings { notes.append("kustomize: \(warning)") }
                guard built.isComplete else {
                    let features = Set(built.notes.map(\.feature)).sorted().joined(separator: ", ")
                    notes.append("kustomize: \(built.notes[0]) (\(folder) uses \(features); its files are checked one by one)")
                    continue
                }
                if let stream { generated.append(stream) }
                covered.formUnion(built.files)
            } catch {
                notes.append("kustomize: \(folder) cannot be built: \(error); its files are checked one by one")
            }
        }
        let kept = files.filter { !covered.contains(BuildPath.clean($0)) || Kustomization.fileNames.contains(BuildPath.base(of: $0)) }
        return KustomizeCheckPlan(generated: generated, files: kept, notes: notes)
    }
}

/// One result per index, written from parallel workers.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { values[index] } }
        set { lock.withLock { values[index] = newValue } }
    }
}
