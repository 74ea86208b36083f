import Manifests

extension PolicyEngine {
    /// Checks real files and generated manifests together (cross-object checks see both), then
    /// moves every finding on a generated object to the line that explains it. `deferred`
    /// streams are made and checked one at a time, after the files (see `DeferredManifests`).
    package func run(
        paths: [String], generated: [GeneratedManifests], deferred: DeferredManifests = .none,
        knownFacts: TreeFacts = TreeFacts(), source: @escaping FileSource
    ) -> CheckReport {
        guard !generated.isEmpty || !deferred.isEmpty else {
            return run(paths: paths, knownFacts: knownFacts, source: source)
        }
        var facts = knownFacts
        for stream in generated {
            if let namespace = stream.namespace { facts.kustomizationNamespaces[stream.folder] = namespace }
        }
        for entry in deferred.entries {
            if let namespace = entry.namespace {
                facts.kustomizationNamespaces[Workspace.folder(of: entry.path)] = namespace
            }
        }
        var parsed: [String: ManifestFile] = [:]
        for stream in generated {
            if let documents = stream.documents {
                parsed[stream.path] = ManifestReader.read(path: stream.path, documents: documents)
            }
        }
        // The objects kept for the cross-object checks come as they always came: files, built
        // roots (deferred here), then the other streams.
        var deferred = deferred
        deferred.position = paths.count
        let eager = Dictionary(generated.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let (report, kept) = run(
            paths: paths + generated.map(\.path), focus: nil, knownFacts: facts,
            source: { path in
                if let stream = eager[path] { return stream.bytes }
                return try source(path)
            }, parsed: parsed, deferred: deferred)
        let byPath = eager.merging(kept.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let deferredPaths = Set(deferred.entries.map(\.path))
        let files = report.files.filter { byPath[$0.path] == nil && !deferredPaths.contains($0.path) }
        var merged = Self.relocatedAndMerged(report.findingList, streams: byPath)
        merged.sortInReportOrder()
        return CheckReport(
            findingList: merged, files: files, notes: report.notes,
            runtimeChecks: report.runtimeChecks, runtimeSeverities: report.runtimeSeverities)
    }

    /// The finding on the line that explains it, its message naming what generated the object.
    package static func relocate(_ finding: Finding, from stream: GeneratedManifests) -> Finding {
        var moved = finding
        let document = finding.documentIndex ?? 0
        let origin =
            stream.origins.origin(document: document, path: finding.path) ?? stream.documentFallbacks[document]
            ?? stream.fallback
        moved.file = origin.file
        moved.position = origin.position
        var label = stream.label
        if let detail = stream.documentLabels[document] { label += ", \(detail)" }
        moved.message += " (\(label))"
        return moved
    }

    /// Every finding on a stream of `streams` moved to its line (`relocate`), then one per check,
    /// place, object and container: two streams that generate the same object from one written
    /// value (a chart rendered with and without a ci values file) report it once, naming the
    /// first. Findings of a stream kept apart are merged only with its own.
    static func relocatedAndMerged(_ findings: FindingList, streams: [String: GeneratedManifests]) -> FindingList {
        var merged = findings.emptyCopy
        var seen = SeenKeys()
        // The stream each kept finding was merged under ("" for all but those kept apart), by number.
        var streamNames = [""]
        var streamNumbers = ["": Int32(0)]
        var streamOfKept: [Int32] = []
        for index in findings.indices {
            var finding = findings[index]
            var stream = ""
            let source = streams[finding.file]
            if let source {
                finding = Self.relocate(finding, from: source)
                if source.keptApart { stream = source.path }
            }
            let key = mergeKey(finding, stream: stream)
            let earlier = seen.firstPosition(of: key, at: merged.count) { position in
                mergeKey(merged[position], stream: streamNames[Int(streamOfKept[position])])
            }
            guard earlier == nil else { continue }
            if streamNumbers[stream] == nil {
                streamNumbers[stream] = Int32(streamNames.count)
                streamNames.append(stream)
            }
            streamOfKept.append(streamNumbers[stream] ?? 0)
            let count = merged.count
            if source == nil { merged.append(index, of: findings) } else { merged.append(finding) }
            // A spill past its limit takes nothing more (its `failure` says so and the run fails):
            // `seen` and `streamOfKept` now name a position `merged` lacks, so stop here.
            guard merged.count > count else { break }
        }
        return merged
    }

    private static func mergeKey(_ finding: Finding, stream: String) -> String {
        "\(stream)|\(finding.checkID)|\(finding.file)|\(finding.position)|\(finding.object?.description ?? "")|\(finding.container ?? "")|\(finding.path)"
    }
}
