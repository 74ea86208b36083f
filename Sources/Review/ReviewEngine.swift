import Diffs
import GitKit
import Manifests
import Policy
import Rendering

/// Turns the check engine into a reviewer: the change is diffed from the merge base, the
/// repository's configuration is read from the base revision (a pull request cannot switch off
/// the checks that review it), per-object checks run on the changed files, cross-object checks
/// judge the whole tree at head, and the findings are kept where the diff filter allows, plus
/// the new cross-object findings the change caused elsewhere.
package struct ReviewEngine: Sendable {
    package static let configurationFile = ".shipshape.yaml"

    /// Defaults, before the repository's own configuration.
    package var defaults: PolicyConfiguration
    package var deprecations: DeprecationTable
    package var kubernetesVersion: ReleaseVersion?
    /// Facts of blobs parsed by earlier reviews.
    package var facts: FactsCache
    /// Renders the releases a change affects (nil: charts are not rendered). Reviews must then run
    /// on a thread of their own, not the concurrency pool's (see `AsyncWait`).
    package var rendering: ChartRendering?
    /// Fetches the remote Git bases of kustomizations (nil: roots with one are refused with a note).
    package var remoteBases: RemoteBaseFetcher?

    package init(
        defaults: PolicyConfiguration, deprecations: DeprecationTable, kubernetesVersion: ReleaseVersion? = nil,
        facts: FactsCache = FactsCache(directory: nil)
    ) {
        self.defaults = defaults
        self.deprecations = deprecations
        self.kubernetesVersion = kubernetesVersion
        self.facts = facts
    }

    package func review(_ request: ReviewRequest, in repository: some RevisionReader) throws -> ReviewResult {
        let base = try repository.commit(request.base)
        let head = try repository.commit(request.head)
        let mergeBase = try repository.mergeBase(base, head)
        let changes = try repository.diff(from: mergeBase, to: head)
        let filter = DiffFilter(mode: request.filter, changes: changes)

        var configuration = try repositoryConfiguration(at: base, in: repository)
        let changedPaths = Set(changes.filter { $0.kind != .deleted }.map(\.path).filter(Self.isManifestPath))
        let oldPaths = Set(
            changes.filter { $0.kind != .added }.map { $0.oldPath ?? $0.path }.filter(Self.isManifestPath))
        // The merge base's tree is read whole (its facts mostly come from the cache); the head's
        // is the same tree with the changed files swapped in.
        let baseTree = try TreeIndex(
            files: try manifestFiles(at: mergeBase, in: repository), cache: facts, repository: repository)
        let headFiles = try changedPaths.compactMap { path in try repository.file(path, at: head) }.filter(
            \.isRegularFile)
        let headTree = try baseTree.applying(
            removed: oldPaths.union(changedPaths), replaced: headFiles, cache: facts, repository: repository)
        let scope = ReviewScope(changedPaths: changedPaths, oldPaths: oldPaths, head: headTree, base: baseTree)

        // The changed files are read once: for the exemptions they add, then by the checks.
        var changedBytes: [String: [UInt8]] = [:]
        for file in headFiles { changedBytes[file.path] = try repository.contentsUnlessTooLarge(ofBlob: file.blob) }
        let addedExemptions = try exemptionsAdded(
            by: changes.filter { changedBytes[$0.path] != nil }, headBytes: changedBytes, since: mergeBase,
            request: request, counting: configuration.countsExemptionsAddedByChanges, in: repository)
        for exemption in addedExemptions where !exemption.counted {
            configuration.setAsideExemptions[exemption.file, default: [:]][exemption.object, default: []].insert(
                exemption.annotation)
        }
        let settings = EvaluationSettings(
            deprecations: deprecations, kubernetesVersion: kubernetesVersion ?? configuration.kubernetesVersion,
            targetVersions: configuration.targetVersions)
        let engine = PolicyEngine(configuration: configuration, settings: settings)

        // Files a kustomization builds are reviewed through what it builds, not as objects of their own.
        let (kustomized, covered, builtKustomizations) = try kustomizeEffect(
            changes: changes, filter: filter, engine: engine, head: head, mergeBase: mergeBase,
            headTree: headTree, baseTree: baseTree, repository: repository)
        let treeSource = headTree.source(repository)
        let readChanged = changedBytes
        let headReport = engine.run(
            paths: scope.headPaths.subtracting(covered).sorted(), focus: changedPaths,
            knownFacts: headTree.treeFacts(namespaces: scope.namespaces),
            source: { path in try readChanged[path] ?? treeSource(path) })
        var comments: [ReviewResult.Comment] = []
        var outside: [Finding] = []
        for finding in headReport.findings {
            if filter.allows(path: finding.file, line: finding.position.line) {
                comments.append(ReviewResult.Comment(finding: finding))
            } else {
                outside.append(finding)
            }
        }
        comments += kustomized.comments
        var summary =
            causedFindings(outside, changes: changes, scope: scope, engine: engine, repository: repository)
            + kustomized.summary
        // The head's report carries the configuration's notes and those about its Kyverno policies.
        var notes = headReport.notes + kustomized.notes
        var renderedFixes = kustomized.fixes
        if let rendering {
            let effect = try renderedEffect(
                rendering, changes: changes, filter: filter, engine: engine, head: head, mergeBase: mergeBase,
                headTree: headTree, baseTree: baseTree, builtKustomizations: builtKustomizations,
                repository: repository)
            comments += effect.comments
            summary += effect.summary
            notes += effect.notes
            renderedFixes.merge(effect.fixes) { first, _ in first }
        }
        try facts.save()
        var result = ReviewResult(
            base: base.hex, head: head.hex, mergeBase: mergeBase.hex, filter: request.filter, changes: changes,
            comments: comments, summary: summary, files: headReport.files, notes: notes,
            addedExemptions: addedExemptions, policy: engine)
        result.renderedFixes = renderedFixes
        result.runtimeChecks = headReport.runtimeChecks
        result.runtimeSeverities = headReport.runtimeSeverities
        return result
    }

    /// The exemption annotations the changed manifests add (see `AddedExemption`). A file's
    /// merge-base version is read only when its new text mentions an exemption at all.
    private func exemptionsAdded(
        by changes: [FileChange], headBytes: [String: [UInt8]], since mergeBase: ObjectID, request: ReviewRequest,
        counting: Bool, in repository: some RevisionReader
    ) throws -> [AddedExemption] {
        let mentioning = changes.filter { headBytes[$0.path].map(Self.mentionsExemption) ?? false }
        var baseBytes: [String: [UInt8]] = [:]
        for change in mentioning where change.kind != .added {
            let oldPath = change.oldPath ?? change.path
            // Regular files only: symlinks and submodules are never followed.
            if let file = try repository.file(oldPath, at: mergeBase), file.isRegularFile {
                baseBytes[oldPath] = try repository.contentsUnlessTooLarge(ofBlob: file.blob)
            }
        }
        let pairs = mentioning.map {
            (path: $0.path, oldPath: $0.kind == .added ? nil : Optional($0.oldPath ?? $0.path))
        }
        return AddedExemptions.find(
            changes: pairs, head: headBytes, base: baseBytes, approved: request.approvedExemptions, counting: counting)
    }

    /// Whether the text holds `exempt` (every exemption annotation's key ends with `-exempt` or is `.../exempt`).
    static func mentionsExemption(_ bytes: [UInt8]) -> Bool {
        let needle = Array("exempt".utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Cross-object findings outside the filter that did not exist at the merge base: the change
    /// caused them (a deleted PodDisruptionBudget, a narrowed NetworkPolicy...), so they are
    /// reported even though their own lines were not touched.
    private func causedFindings(
        _ outside: [Finding], changes: [FileChange], scope: ReviewScope, engine: PolicyEngine,
        repository: some RevisionReader
    ) -> [ReviewResult.SummaryItem] {
        let crossObjectIDs = Set(engine.checks.filter { $0.needsWorkspace }.map { $0.id })
        let candidates = outside.filter { crossObjectIDs.contains($0.checkID) }
        guard !candidates.isEmpty else { return [] }
        let baseReport = engine.run(
            paths: scope.basePaths.sorted(), focus: [], knownFacts: scope.base.treeFacts(namespaces: scope.namespaces),
            source: scope.base.source(repository))
        let before = Set(baseReport.findings.map(\.fingerprint))
        let changedManifests = changes.map(\.path).filter(Self.isManifestPath)
        return candidates.filter { !before.contains($0.fingerprint) }.map { finding in
            ReviewResult.SummaryItem(finding: finding, causedBy: changedManifests.filter { $0 != finding.file })
        }
    }

    /// `.shipshape.yaml` at the base revision, laid over the defaults; missing means defaults.
    func repositoryConfiguration(at base: ObjectID, in repository: some RevisionReader) throws -> PolicyConfiguration {
        guard let bytes = try repository.contents(of: Self.configurationFile, at: base) else { return defaults }
        let text = String(decoding: bytes, as: UTF8.self)
        let file = "\(Self.configurationFile) at \(base.short)"
        return defaults.merging(try ConfigurationReader.read(text: text, file: file, knownChecks: Catalogue.ids))
    }

    /// The manifest files of a commit: `.yaml`, `.yml` and `.json`, regular files only
    /// (symlinks and submodules are never followed).
    func manifestFiles(at commit: ObjectID, in repository: some RevisionReader) throws -> [TreeFile] {
        try repository.files(at: commit).filter { $0.isRegularFile && Self.isManifestPath($0.path) }
    }

    static func isManifestPath(_ path: String) -> Bool {
        ManifestWalker.hasManifestExtension(path)
            && !path.utf8.split(separator: UInt8(ascii: "/")).contains { component in
                component.first == UInt8(ascii: ".")
                    && ManifestWalker.skippedFolders.contains(String(Substring(component)))
            }
    }
}
