import Diffs
import Fixes
import Foundation
import GitKit
import Manifests
import Policy
import Rendering

extension ReviewEngine {
    /// What the change does to what the repository deploys (here rendered releases; built
    /// kustomizations in `kustomizeEffect` take the same form): the releases whose inputs it touches
    /// (the release's file, its source, values files and ConfigMaps, its chart folder) rendered at
    /// the merge base and at head; findings on their objects that are new at head go on the
    /// change's lines where the filter allows, else in the summary.
    struct RenderedEffect {
        var comments: [ReviewResult.Comment] = []
        var summary: [ReviewResult.SummaryItem] = []
        var notes: [String] = []
        var fixes: [String: ReviewResult.RenderedFix] = [:]
    }

    /// Kinds a file must hold to ask for a release or feed one.
    static let renderingKinds: Set<String> = [
        "HelmRelease", "Application", "HelmRepository", "OCIRepository", "HelmChart", "GitRepository", "ConfigMap",
        "Secret",
    ]

    func renderedEffect(
        _ rendering: ChartRendering, changes: [FileChange], filter: DiffFilter, engine: PolicyEngine,
        head: ObjectID, mergeBase: ObjectID, headTree: TreeIndex, baseTree: TreeIndex,
        builtKustomizations: Set<String> = [], repository: some RevisionReader
    ) throws -> RenderedEffect {
        let changed = Set(changes.flatMap { [$0.path, $0.oldPath].compactMap { $0 } })
        guard mayAffectReleases(changed, trees: [headTree, baseTree]) else { return RenderedEffect() }
        let scratch = FileManager.default.temporaryDirectory.appending(
            path: "shipshape-review-charts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }

        func render(_ tree: TreeIndex, at commit: ObjectID, side: String) throws -> (
            findings: [Finding], notes: [String], streams: [GeneratedManifests]
        ) {
            let materializer = ChartFolderMaterializer(
                files: { try repository.files(at: commit) }, scratch: scratch.appending(path: side),
                read: { try repository.contents(ofBlob: $0) })
            var sideRendering = rendering
            sideRendering.folderOnDisk = { try materializer.folder($0) }
            let source = tree.source(repository)
            let (releases, scanNotes) = ChartRendering.releases(files: tree.paths, source: source) { path in
                (tree.facts(path)?.objects.contains { Self.renderingKinds.contains($0.kind) } ?? false)
            }
            // A kustomization's helmCharts that its built root rendered are judged there.
            let affected = releases.filter { release in
                release.isAffected(by: changed)
                    && !builtKustomizations.contains { release.id.hasPrefix($0 + "@helmCharts ") }
            }
            guard !affected.isEmpty else { return ([], [], []) }
            let renderer = sideRendering
            let outcome = AsyncWait.result { await renderer.render(affected) }
            let context = engine.context(
                paths: Array(tree.paths(withRole: .context, in: [], allNamespaces: true)), source: source)
            let report = engine.run(paths: [], generated: outcome.generated, knownFacts: context, source: source)
            let notes = scanNotes.filter { changed.contains($0.location.file) } + outcome.notes
            return (report.findings, outcome.globalNotes + notes.map(\.description), outcome.generated)
        }

        let (headFindings, headNotes, headStreams) = try render(headTree, at: head, side: "head")
        guard !headFindings.isEmpty || !headNotes.isEmpty else { return RenderedEffect() }
        let (baseFindings, _, _) = try render(baseTree, at: mergeBase, side: "base")
        // Rendered findings are compared by what they are about, not where they land: a value that
        // moves from the chart's defaults into the release's values moves the finding, not makes it.
        func identity(_ finding: Finding) -> String {
            [finding.checkID, finding.object?.description ?? "", finding.container ?? "", finding.path.description]
                .joined(separator: "|")
        }
        let before = Set(baseFindings.map(identity))
        var effect = RenderedEffect(notes: headNotes)
        let changedManifests = changes.map(\.path).filter(Self.isManifestPath)
        let fixer = ValuesFixer(engine: FixEngine(policy: engine))
        let headSource = headTree.source(repository)
        let plans = headStreams.map { fixer.plan($0, source: headSource) }
        let edits = plans.flatMap(\.edits)
        let unfixed = Dictionary(plans.flatMap(\.unfixed).map { ($0.finding.fingerprint, $0.why) }) { first, _ in first
        }
        for finding in headFindings where !before.contains(identity(finding)) {
            if filter.allows(path: finding.file, line: finding.position.line) {
                effect.comments.append(ReviewResult.Comment(finding: finding))
                if let edit = edits.first(where: { $0.finding.fingerprint == finding.fingerprint }) {
                    effect.fixes[finding.fingerprint] = .edit(edit)
                } else {
                    effect.fixes[finding.fingerprint] = .none(
                        why: unfixed[finding.fingerprint] ?? "no automatic fix for \(finding.checkID) in values")
                }
            } else {
                effect.summary.append(
                    ReviewResult.SummaryItem(finding: finding, causedBy: changedManifests.filter { $0 != finding.file })
                )
            }
        }
        return effect
    }

    /// Whether a change can affect a release at all, known from facts without reading anything:
    /// it touches a file holding a release, a source or a ConfigMap/Secret, a file of a chart
    /// folder, or a YAML file that is not a Kubernetes object (a values file). Most reviews touch
    /// none and render nothing.
    func mayAffectReleases(_ changed: Set<String>, trees: [TreeIndex]) -> Bool {
        let chartFolders = trees.flatMap { tree in
            tree.paths.filter { $0.hasSuffix("/Chart.yaml") || $0 == "Chart.yaml" }
        }
        .map { String($0.dropLast("Chart.yaml".count)) }
        return changed.contains { path in
            if chartFolders.contains(where: { path.hasPrefix($0) }) { return true }
            guard Self.isManifestPath(path) else { return false }
            return trees.contains { tree in
                guard let facts = tree.facts(path) else { return false }
                return facts.objects.isEmpty
                    || facts.objects.contains { Self.renderingKinds.contains($0.kind) || $0.kind == "Kustomization" }
            }
        }
    }
}
