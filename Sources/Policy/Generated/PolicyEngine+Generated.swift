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
        let findings = report.findings.map { finding -> (finding: Finding, stream: String) in
            guard let stream = byPath[finding.file] else { return (finding, "") }
            return (Self.relocate(finding, from: stream), stream.keptApart ? stream.path : "")
        }
        let deferredPaths = Set(deferred.entries.map(\.path))
        let files = report.files.filter { byPath[$0.path] == nil && !deferredPaths.contains($0.path) }
        var merged = Self.merged(findings)
        Finding.sortInReportOrder(&merged)
        return CheckReport(
            findings: merged, files: files, notes: report.notes,
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

    /// One finding per check, place, object and container: two streams that generate the same
    /// object from one written value (a chart rendered with and without a ci values file)
    /// report it once, naming the first. Findings of a stream kept apart (`stream` non-empty) are
    /// merged only with its own.
    static func merged(_ findings: [(finding: Finding, stream: String)]) -> [Finding] {
        var seen = Set<String>()
        return findings.filter { item in
            let finding = item.finding
            return seen.insert(
                "\(item.stream)|\(finding.checkID)|\(finding.file)|\(finding.position)|\(finding.object?.description ?? "")|\(finding.container ?? "")|\(finding.path)"
            ).inserted
        }.map(\.finding)
    }
}
