import Dispatch
import Manifests
import Synchronization

/// Runs the catalogue over a set of files.
///
/// Files are read and checked in parallel; each document's tree is dropped once its own checks
/// have run. Cross-object checks run when every file has been read, against the `Workspace` of
/// the whole tree: the objects they judge keep only what those checks read (a workload without
/// its containers' contents, `CrossObjectRetention`), so memory follows what cross-object
/// checks need, not the size of the repository.
package struct PolicyEngine: Sendable {
    package var checks: [any Check]
    package var configuration: PolicyConfiguration
    package var settings: EvaluationSettings
    /// What an object keeps for the cross-object checks (tests compare it with keeping it whole).
    var retainedForCrossObjectChecks: @Sendable (KubernetesObject) -> KubernetesObject = CrossObjectRetention.retained
    /// Custom checks that need the workspace may read any field of the objects they judge: with
    /// one of them, objects are kept whole (and so are the origins of deferred streams' objects).
    let keepsWholeObjects: Bool

    /// Kinds kept for cross-object lookups beyond `Workspace.contextKinds`: those custom checks ask for.
    let additionalContextKinds: Set<String>

    /// Where findings wait for the report: a temporary file when set, so memory does not grow with
    /// them (`check` of a large tree); in memory otherwise.
    package var findingSpill: FindingSpill?

    /// `checks` with the configuration's custom checks added (one with a built-in's id replaces it).
    package init(checks: [any Check] = Catalogue.all, configuration: PolicyConfiguration, settings: EvaluationSettings)
    {
        let custom = configuration.customChecks
        let customIDs = Set(custom.map(\.id))
        self.checks = (checks.filter { !customIDs.contains($0.id) } + custom).filter {
            configuration.severity(of: $0.id) != .ignore
        }
        additionalContextKinds = Set(custom.flatMap(\.additionalKinds)).subtracting(Workspace.contextKinds)
        self.configuration = configuration
        self.settings = settings
        keepsWholeObjects = self.checks.contains { $0.needsWorkspace && customIDs.contains($0.id) }
        if keepsWholeObjects { retainedForCrossObjectChecks = { $0 } }
    }

    /// No check reads beyond a CustomResourceDefinition's apiVersion and metadata.
    package static let parseOptions = YAMLParseOptions(skipSpecOfKinds: ["CustomResourceDefinition"])

    /// The file's bytes, or an error that says why it cannot be read.
    package typealias FileSource = @Sendable (String) throws -> [UInt8]

    /// Checks every file. With `focus`, only the files in it get their own (per-object) checks
    /// and syntax findings; every file still feeds the cross-object checks, which judge the
    /// whole tree (a review looks at what changed, with the repository as context).
    ///
    /// `knownFacts` stands in for files that are not read this time (a review reads only what it
    /// needs): where the tree's workloads are, and the namespaces its kustomizations set.
    package func run(
        paths: [String], focus: Set<String>? = nil, knownFacts: TreeFacts = TreeFacts(), source: FileSource
    )
        -> CheckReport
    {
        run(paths: paths, focus: focus, knownFacts: knownFacts, source: source, parsed: [:], deferred: .none).report
    }

    /// `parsed`: files already read into objects (generated in memory), checked without reading `source`.
    /// `deferred`: streams made, checked and let go one at a time after the files; `kept` holds
    /// what of each is still needed to move its findings (`GeneratedManifests.keeping`).
    func run(
        paths: [String], focus: Set<String>?, knownFacts: TreeFacts, source: FileSource, parsed: [String: ManifestFile],
        deferred: DeferredManifests
    ) -> (report: CheckReport, kept: [GeneratedManifests]) {
        // Deferred streams holding Kyverno policies are read for them in their place among the paths.
        let searched =
            Array(paths[..<deferred.position]) + deferred.policyStreams.map(\.path) + paths[deferred.position...]
        let policyFiles = Dictionary(
            deferred.policyStreams.map { ($0.path, ManifestReader.read(path: $0.path, documents: $0.documents ?? [])) },
            uniquingKeysWith: { first, _ in first })
        let kyverno = KyvernoPolicies.discover(
            paths: knownFacts.kyvernoPolicyPaths.map { known in
                searched.filter { known.contains($0) || parsed[$0] != nil || policyFiles[$0] != nil }
            } ?? searched, settings: configuration.kyverno, source: source,
            parsed: parsed.merging(policyFiles, uniquingKeysWith: { first, _ in first }))
        guard !kyverno.isEmpty || !kyverno.notes.isEmpty else {
            return runChecks(
                paths: paths, focus: focus, knownFacts: knownFacts, source: source, parsed: parsed, deferred: deferred)
        }
        let engine = including(kyverno)
        var (report, kept) = engine.runChecks(
            paths: paths, focus: focus, knownFacts: knownFacts, source: source, parsed: parsed, deferred: deferred)
        report.notes += kyverno.notes
        report.runtimeChecks = kyverno.metadata
        report.runtimeSeverities = Dictionary(
            kyverno.checkIDs.map { ($0, engine.configuration.severity(of: $0)) },
            uniquingKeysWith: { first, _ in first })
        return (report, kept)
    }

    private func runChecks(
        paths: [String], focus: Set<String>?, knownFacts: TreeFacts, source: FileSource, parsed: [String: ManifestFile],
        deferred: DeferredManifests
    ) -> (report: CheckReport, kept: [GeneratedManifests]) {
        let made = deferred.entries.count
        let slots = ResultSlots<FileResult>(count: paths.count + made)
        DispatchQueue.concurrentPerform(iterations: paths.count + made) { index in
            // The deferred streams' slots sit at `deferred.position` among the paths.
            if index >= deferred.position, index < deferred.position + made {
                slots[index] = spilled(checkDeferred(deferred, index: index - deferred.position))
                return
            }
            let path = paths[index < deferred.position ? index : index - made]
            let ownChecks = focus?.contains(path) ?? true
            slots[index] = spilled(
                parsed[path].map { checkObjects(of: $0, ownChecks: ownChecks) }
                    ?? checkFile(path, ownChecks: ownChecks, source: source))
        }
        // Each file's findings and kept objects are moved into one list and let go from its
        // result, so no finding is held twice (a large tree has hundreds of thousands).
        var results = slots.take()
        var findings = FindingList(spill: findingSpill)
        var retained: [KubernetesObject] = []
        retained.reserveCapacity(results.reduce(0) { $0 + $1.retained.count })
        for index in results.indices {
            findings.append(contentsOf: results[index].spilledFindings)
            findings.append(contentsOf: results[index].findings)
            retained += results[index].retained
            results[index].findings = []
            results[index].spilledFindings = []
            results[index].retained = []
        }
        findings.append(contentsOf: crossObjectFindings(retained: retained, knownFacts: knownFacts))
        retained = []
        findings.sortInReportOrder()
        let report = CheckReport(findingList: findings, files: results.map(\.outcome), notes: configuration.notes)
        return (report, results.compactMap(\.kept))
    }

    /// The result with its findings moved to `findingSpill`, when there is one.
    private func spilled(_ result: FileResult) -> FileResult {
        guard let findingSpill, !result.findings.isEmpty else { return result }
        var result = result
        result.spilledFindings = FindingList(spill: findingSpill)
        result.spilledFindings.append(contentsOf: result.findings)
        result.findings = []
        return result
    }

    /// One deferred stream made and checked; its documents go when this returns.
    private func checkDeferred(_ deferred: DeferredManifests, index: Int) -> FileResult {
        let entry = deferred.entries[index]
        guard let stream = deferred.make(index), let documents = stream.documents else {
            return FileResult(outcome: .init(path: entry.path, status: .ignored, documents: 0, objects: 0, bytes: 0))
        }
        var result = checkObjects(of: ManifestReader.read(path: stream.path, documents: documents), ownChecks: true)
        // Origins are kept only for the objects a cross-object check will judge: context objects
        // (a ClusterRole, a NetworkPolicy) are looked up, never reported on by those checks.
        let judged = result.retained.filter { object in checks.contains { $0.needsWorkspace && $0.applies(to: object) }
        }
        result.kept = stream.keeping(originsOf: result.findings, retained: judged, wholeObjects: keepsWholeObjects)
        return result
    }

    /// What files say about the tree for cross-object checks on other files: their context
    /// objects, where their workloads are, the namespaces their kustomizations set.
    package func context(paths: [String], source: FileSource) -> TreeFacts {
        let slots = ResultSlots<[KubernetesObject]>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            guard let bytes = try? source(paths[index]) else {
                slots[index] = []
                return
            }
            slots[index] = ManifestReader.read(path: paths[index], bytes: bytes, options: Self.parseOptions).objects
                .filter { isContextKind($0.kind) || $0.kind == "Kustomization" || $0.podTemplate != nil }
        }
        let objects = slots.values.flatMap { $0 }
        var workspace = Workspace(
            objects: objects.filter { $0.podTemplate == nil }, settings: settings,
            additionalKinds: additionalContextKinds)
        let workloads = objects.compactMap { object -> (namespace: String, key: Workspace.WorkloadKey)? in
            guard object.podTemplate != nil, let namespace = workspace.effectiveNamespace(of: object) else {
                return nil
            }
            return (namespace, Workspace.WorkloadKey(file: object.file, position: object.anchor))
        }
        workspace.noteWorkloads(workloads)
        return TreeFacts(
            workloads: [], kustomizationNamespaces: workspace.kustomizationNamespaces, workspace: workspace)
    }

    /// Checks text that is already in memory (tests, reviews reading blobs).
    package func run(files: [(path: String, text: String)], knownFacts: TreeFacts = TreeFacts()) -> CheckReport {
        let contents = Dictionary(files.map { ($0.path, Array($0.text.utf8)) }, uniquingKeysWith: { first, _ in first })
        return run(paths: files.map(\.path), knownFacts: knownFacts) { path in contents[path] ?? [] }
    }

    struct FileResult: Sendable {
        var outcome: CheckReport.FileOutcome
        var findings: [Finding] = []
        var retained: [KubernetesObject] = []
        /// `findings`, once written to the engine's `findingSpill`.
        var spilledFindings = FindingList()
        /// A deferred stream's origins still needed to move its findings.
        var kept: GeneratedManifests?
    }

    private func checkFile(_ path: String, ownChecks: Bool, source: FileSource) -> FileResult {
        var result = FileResult(outcome: .init(path: path, status: .ignored, documents: 0, objects: 0, bytes: 0))
        guard !configuration.isIgnored(path: path) else { return result }
        let bytes: [UInt8]
        do {
            bytes = try source(path)
        } catch {
            result.outcome.status = .unreadable
            result.outcome.error = "\(error)"
            return result
        }
        return checkObjects(
            of: ManifestReader.read(path: path, bytes: bytes, options: Self.parseOptions), ownChecks: ownChecks)
    }

    private func checkObjects(of file: ManifestFile, ownChecks: Bool) -> FileResult {
        var result = FileResult(
            outcome: .init(
                path: file.path, status: status(of: file.kind), documents: file.documentCount,
                objects: file.objects.count, bytes: file.byteCount))
        if ownChecks { result.findings += syntaxFindings(file) }
        let builder = FindingBuilder(configuration: configuration)
        let local = Workspace(settings: settings)
        for object in file.objects {
            var retain = isContextKind(object.kind) || object.kind == "Kustomization"
            var exemptions = builder.exemptions(for: object)
            for check in checks where check.applies(to: object) {
                if check.needsWorkspace {
                    retain = true
                } else if ownChecks {
                    result.findings += builder.findings(
                        for: check, violations: check.evaluate(object, in: local), object: object,
                        exemptions: &exemptions)
                }
            }
            if retain { result.retained.append(retainedForCrossObjectChecks(object)) }
        }
        return result
    }

    private func crossObjectFindings(retained: [KubernetesObject], knownFacts: TreeFacts) -> FindingList {
        var workspace: Workspace
        if let base = knownFacts.workspace {
            workspace = base
            for object in retained where object.kind == "Kustomization" { workspace.add(object) }
            for object in retained where object.kind != "Kustomization" { workspace.add(object) }
        } else {
            workspace = Workspace(
                objects: retained, settings: settings, knownFacts: knownFacts, additionalKinds: additionalContextKinds)
        }
        workspace.noteWorkloads(
            retained.compactMap { object in
                guard object.podTemplate != nil, let namespace = workspace.effectiveNamespace(of: object) else {
                    return nil
                }
                return (namespace, Workspace.WorkloadKey(file: object.file, position: object.anchor))
            } + knownFacts.workloads)
        let builder = FindingBuilder(configuration: configuration)
        let crossChecks = checks.filter(\.needsWorkspace)
        let slots = ResultSlots<FindingList>(count: retained.count)
        let context = workspace
        DispatchQueue.concurrentPerform(iterations: retained.count) { index in
            let object = retained[index]
            var findings: [Finding] = []
            var exemptions = builder.exemptions(for: object)
            for check in crossChecks where check.applies(to: object) {
                findings += builder.findings(
                    for: check, violations: check.evaluate(object, in: context), object: object, exemptions: &exemptions
                )
            }
            var kept = FindingList(spill: findingSpill)
            kept.append(contentsOf: findings)
            slots[index] = kept
        }
        var findings = FindingList(spill: findingSpill)
        for kept in slots.take() { findings.append(contentsOf: kept) }
        return findings
    }

    private func isContextKind(_ kind: String) -> Bool {
        Workspace.contextKinds.contains(kind) || additionalContextKinds.contains(kind)
    }

    private func syntaxFindings(_ file: ManifestFile) -> [Finding] {
        let severity = configuration.severity(of: YamlSyntaxError.metadata.id)
        guard severity != .ignore else { return [] }
        let builder = FindingBuilder(configuration: configuration)
        return file.syntaxErrors.compactMap { error in
            guard !builder.isExempt(checkID: YamlSyntaxError.metadata.id, object: nil, container: nil, file: file.path)
            else { return nil }
            return YamlSyntaxError.finding(for: error, file: file.path, severity: severity)
        }
    }

    private func status(of kind: ManifestFile.Kind) -> CheckReport.FileOutcome.Status {
        switch kind {
        case .kubernetes: .checked
        case .notKubernetes: .notKubernetes
        case .template: .template
        }
    }
}

/// One slot per file, each written by exactly one iteration of `concurrentPerform`.
final class ResultSlots<Value: Sendable>: Sendable {
    private let storage: Mutex<[Value?]>

    init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

    subscript(index: Int) -> Value? {
        get { storage.withLock { $0[index] } }
        set { storage.withLock { $0[index] = newValue } }
    }

    var values: [Value] { storage.withLock { $0.compactMap { $0 } } }

    /// The values, the slots left empty (each value then held once).
    func take() -> [Value] {
        storage.withLock { slots in
            var taken: [Value?] = []
            swap(&taken, &slots)
            return taken.compactMap { $0 }
        }
    }
}
