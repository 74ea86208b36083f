import Diffs
import Foundation
import GitKit
import Kustomize
import Manifests
import Policy

extension ReviewEngine {
    /// What the change does to what the repository's kustomizations build: every root that
    /// reads a changed file is built at the merge base and at head; findings on its objects that
    /// are new at head go on the changed line that wrote the value (a patch line, an `images:`
    /// entry, the `namespace:` line) where the filter allows, else in the summary. A base built
    /// by several overlays gets one finding naming them. `covered`: files of the head that the
    /// roots built completely include, reviewed through the built objects in their place, never as
    /// objects of their own (a patch is not a Deployment). `builtKustomizations`: the kustomization
    /// files of the roots built, whose `helmCharts` are not rendered again on their own.
    func kustomizeEffect(
        changes: [FileChange], filter: DiffFilter, engine: PolicyEngine, head: ObjectID, mergeBase: ObjectID,
        headTree: TreeIndex, baseTree: TreeIndex, repository: some RevisionReader
    ) throws -> (effect: RenderedEffect, covered: Set<String>, builtKustomizations: Set<String>) {
        // The roots that may read a changed file are known from the kustomization files' facts;
        // only those are built, at head, to know which really read one.
        // Folders Flux Kustomizations and Argo CD Applications deploy too: those whose object or
        // whose folder (or a folder it reaches) changed.
        let changed = Set(changes.flatMap { [$0.path, $0.oldPath].compactMap { $0 } })
        let graph = headTree.kustomizationGraph
        let candidates = graph.roots(mayRead: changed)
        let headList = try repository.files(at: head)
        let headFiles = RevisionFileSystem(files: headList, repository: repository)
        let deployers = headTree.rootDeployers(files: headFiles).filter { deployer in
            changed.contains(deployer.location.file) || graph.folder(deployer.folder, mayRead: changed)
        }
        guard !candidates.isEmpty || !deployers.isEmpty else { return (RenderedEffect(), [], []) }
        let scratch = FileManager.default.temporaryDirectory.appending(
            path: "shipshape-review-kustomize-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The remote bases are the same at both revisions: fetched once, bounded once.
        let remotes = RemoteTrees()
        let headIndex = kustomizeBuilds(
            files: headFiles, listed: headList, scratch: scratch.appending(path: "head"), repository: repository,
            remotes: remotes
        ) { KustomizationIndex(roots: candidates, deployers: deployers, builder: $0) }
        let covered = headIndex.coveredFiles
        let affected = headIndex.roots(affectedBy: changed)
        var effect = RenderedEffect(notes: affected.flatMap(\.notes))
        let headStreams = affected.compactMap(\.generated)
        guard !headStreams.isEmpty else { return (effect, covered, headIndex.builtKustomizationFiles) }

        // The same roots at the merge base; one that did not exist there fails and finds nothing.
        let baseList = try repository.files(at: mergeBase)
        let baseFiles = RevisionFileSystem(files: baseList, repository: repository)
        let labels = Set(affected.compactMap(\.deployer?.rootLabel))
        let baseDeployers =
            labels.isEmpty ? [] : baseTree.rootDeployers(files: baseFiles).filter { labels.contains($0.rootLabel) }
        let baseRoots = affected.filter { $0.deployer == nil }.map(\.folder)
        let baseIndex = kustomizeBuilds(
            files: baseFiles, listed: baseList, scratch: scratch.appending(path: "base"), repository: repository,
            remotes: remotes
        ) { KustomizationIndex(roots: baseRoots, deployers: baseDeployers, builder: $0) }
        let baseCovered = baseIndex.coveredFiles

        func findings(_ streams: [GeneratedManifests], tree: TreeIndex, covered: Set<String>) -> [Finding] {
            let source = tree.source(repository)
            let contextPaths = tree.paths(withRole: .context, in: [], allNamespaces: true).subtracting(covered)
            let context = engine.context(paths: contextPaths.sorted(), source: source)
            // One root at a time: its objects are the context they are applied with, and the same
            // object built by two overlays is two findings until they are merged naming both.
            return streams.flatMap {
                engine.run(paths: [], generated: [$0], knownFacts: context, source: source).findings
            }
        }
        let headFindings = findings(headStreams, tree: headTree, covered: covered)
        let baseFindings = findings(baseIndex.roots.compactMap(\.generated), tree: baseTree, covered: baseCovered)
        // Compared by what they are about in which root, not where they land: a value that moves
        // from the base into a patch moves the finding, it does not make a new one.
        func identity(_ finding: Finding) -> String {
            [
                finding.checkID, finding.object?.description ?? "", finding.container ?? "", finding.path.description,
                KustomizeCheckPlan.root(of: finding) ?? "",
            ].joined(separator: "|")
        }
        let before = Set(baseFindings.map(identity))
        let changedManifests = changes.map(\.path).filter(Self.isManifestPath)
        for finding in KustomizeCheckPlan.mergedAcrossRoots(headFindings.filter { !before.contains(identity($0)) }) {
            if filter.allows(path: finding.file, line: finding.position.line) {
                effect.comments.append(ReviewResult.Comment(finding: finding))
                effect.fixes[finding.fingerprint] = .none(
                    why: "the object is built by kustomize; edit \(finding.file) by hand")
            } else {
                effect.summary.append(
                    ReviewResult.SummaryItem(finding: finding, causedBy: changedManifests.filter { $0 != finding.file })
                )
            }
        }
        return (effect, covered, headIndex.builtKustomizationFiles.union(baseIndex.builtKustomizationFiles))
    }
}
