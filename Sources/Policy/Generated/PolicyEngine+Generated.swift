import Manifests

extension PolicyEngine {
    /// Checks real files and generated manifests together (cross-object checks see both), then
    /// moves every finding on a generated object to the line that explains it.
    public func run(
        paths: [String], generated: [GeneratedManifests], knownFacts: TreeFacts = TreeFacts(),
        source: @escaping FileSource
    ) -> CheckReport {
        guard !generated.isEmpty else { return run(paths: paths, knownFacts: knownFacts, source: source) }
        let byPath = Dictionary(generated.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var facts = knownFacts
        for stream in generated {
            if let namespace = stream.namespace { facts.kustomizationNamespaces[stream.folder] = namespace }
        }
        var parsed: [String: ManifestFile] = [:]
        for stream in generated {
            if let documents = stream.documents {
                parsed[stream.path] = ManifestReader.read(path: stream.path, documents: documents)
            }
        }
        let report = run(
            paths: paths + generated.map(\.path), focus: nil, knownFacts: facts,
            source: { path in
                if let stream = byPath[path] { return stream.bytes }
                return try source(path)
            }, parsed: parsed)
        let findings = report.findings.map { finding -> (finding: Finding, stream: String) in
            guard let stream = byPath[finding.file] else { return (finding, "") }
            return (Self.relocate(finding, from: stream), stream.keptApart ? stream.path : "")
        }
        let files = report.files.filter { byPath[$0.path] == nil }
        return CheckReport(
            findings: Finding.inReportOrder(Self.merged(findings)), files: files, notes: report.notes,
            runtimeChecks: report.runtimeChecks, runtimeSeverities: report.runtimeSeverities)
    }

    /// The finding on the line that explains it, its message naming what generated the object.
    public static func relocate(_ finding: Finding, from stream: GeneratedManifests) -> Finding {
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
