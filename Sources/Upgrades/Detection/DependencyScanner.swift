import Fixes
import Manifests

/// Finds every pinned image tag and chart version under some paths, with zero configuration:
/// pod specs, kustomizations, Helm values, Flux HelmReleases (sources resolved anywhere in the
/// tree), Argo CD Applications and ApplicationSets, and Chart.yaml dependencies.
package enum DependencyScanner {
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    package static func scan(_ paths: [String]) throws(Failure) -> DetectionReport {
        let listing: ManifestWalker.Listing
        do { listing = try ManifestWalker.list(paths) } catch { throw Failure(description: error.description) }
        let files = listing.files
        var parsed: [(text: LocatedText, stream: YAMLStream)] = []
        var report = DetectionReport(filesScanned: files.count)
        for failure in listing.unreadable + listing.skipped {
            report.notes.append(
                DetectionNote(
                    file: failure.path, line: 0, origin: DependencyOrigin(kind: "file", name: "", file: failure.path),
                    message: failure.reason))
        }
        for file in files {
            let bytes: [UInt8]
            do { bytes = try FileContents.read(file) } catch {
                report.notes.append(
                    DetectionNote(
                        file: file, line: 0, origin: DependencyOrigin(kind: "file", name: "", file: file),
                        message: error.description))
                continue
            }
            let stream = YAMLParser.parse(bytes: bytes)
            if let error = stream.errors.first, !ManifestReader.looksLikeTemplate(bytes) {
                report.notes.append(
                    DetectionNote(
                        file: file, line: error.position.line,
                        origin: DependencyOrigin(kind: "file", name: "", file: file),
                        message: "YAML syntax error, the rest of the document is not read: \(error)"))
            }
            parsed.append((LocatedText(file: file, source: SourceText(bytes: bytes)), stream))
        }
        return scan(parsed, into: report)
    }

    /// Scans texts already in memory (a Git tree, a test's strings): `(path, contents)`.
    package static func scan(contents: [(path: String, bytes: [UInt8])]) -> DetectionReport {
        let parsed = contents.map {
            (LocatedText(file: $0.path, source: SourceText(bytes: $0.bytes)), YAMLParser.parse(bytes: $0.bytes))
        }
        return scan(parsed, into: DetectionReport(filesScanned: contents.count))
    }

    private static func scan(_ parsed: [(text: LocatedText, stream: YAMLStream)], into report: DetectionReport)
        -> DetectionReport
    {
        var report = report
        var sources = FluxSources()
        var documents: [(root: YAMLNode, object: KubernetesObject?, text: LocatedText)] = []
        for (text, stream) in parsed {
            for document in stream.documents {
                guard let root = document.root, root.isMapping else { continue }
                let found = objects(in: root, file: text.file)
                for object in found {
                    sources.add(object, text: text)
                    documents.append((object.node, object, text))
                }
                // Not an object (values, Chart.yaml, a kustomization without a header): what
                // `KubernetesObject` asks of one, without building a second.
                let isObject = !(root["apiVersion"]?.string ?? "").isEmpty && !(root["kind"]?.string ?? "").isEmpty
                if !isObject { documents.append((root, nil, text)) }
            }
        }
        let releases = FluxHelmReleases(sources: sources)
        var referenced: Set<String> = []
        for (root, object, text) in documents {
            if let object {
                if object.group == "helm.toolkit.fluxcd.io", object.kind == "HelmRelease" {
                    let found = releases.dependencies(of: object, text: text, notes: &report.notes)
                    report.dependencies += found
                    if let reference = object.node["spec", "chartRef"] {
                        referenced.insert("\(reference["kind"]?.string ?? "")/\(reference["name"]?.string ?? "")")
                    }
                } else if ArgoApplications.isApplication(object) {
                    report.dependencies += ArgoApplications().dependencies(of: object, text: text, notes: &report.notes)
                } else if let body = KustomizeFiles.body(of: root, file: text.file) {
                    report.dependencies += KustomizeFiles().dependencies(
                        in: body, name: object.name, kind: object.kind, text: text, notes: &report.notes)
                }
                report.dependencies += podImages(object, text: text)
            } else if HelmChartFiles.isChartFile(text.file) {
                report.dependencies += HelmChartFiles().chartDependencies(in: root, text: text, notes: &report.notes)
            } else if let body = KustomizeFiles.body(of: root, file: text.file) {
                report.dependencies += KustomizeFiles().dependencies(
                    in: body, name: "", kind: "kustomization", text: text, notes: &report.notes)
            } else if HelmChartFiles.isValuesFile(text.file) {
                report.dependencies += HelmChartFiles().valuesImages(in: root, text: text)
            }
        }
        report.dependencies += helmChartArtifacts(
            sources, notReferencedBy: referenced, releases: releases, notes: &report.notes)
        return report
    }

    /// The objects of a document: itself, or the items of a `kind: List`.
    private static func objects(in root: YAMLNode, file: String) -> [KubernetesObject] {
        if root["kind"]?.string == "List", let items = root["items"]?.items {
            return items.compactMap { KubernetesObject(node: $0, file: file, documentIndex: 0) }
        }
        return KubernetesObject(node: root, file: file, documentIndex: 0).map { [$0] } ?? []
    }

    private static func podImages(_ object: KubernetesObject, text: LocatedText) -> [Dependency] {
        guard let pod = object.podTemplate else { return [] }
        let sites = ImageSites(text: text)
        return pod.allContainers.compactMap { container in
            guard let image = container.node["image"] else { return nil }
            let origin = DependencyOrigin(
                kind: object.kind, name: object.name, file: object.file,
                detail: "\(container.isInit ? "init container" : "container") \(container.name)")
            return sites.reference(image, origin: origin)
        }
    }

    /// OCIRepositories that hold a Helm chart (their layer selector says so) but that no
    /// HelmRelease in the tree names: still pinned versions worth upgrading.
    private static func helmChartArtifacts(
        _ sources: FluxSources, notReferencedBy referenced: Set<String>, releases: FluxHelmReleases,
        notes: inout [DetectionNote]
    ) -> [Dependency] {
        var found: [Dependency] = []
        for source in sources.all.sorted(by: { ($0.object.file, $0.object.name) < ($1.object.file, $1.object.name) })
        where source.object.kind == "OCIRepository" && !referenced.contains("OCIRepository/\(source.object.name)") {
            guard source.object.node["spec", "layerSelector", "mediaType"]?.string?.contains("helm") == true else {
                continue
            }
            let origin = DependencyOrigin(kind: "OCIRepository", name: source.object.name, file: source.object.file)
            let addOn = FluxHelmReleases.chartName(source.object.node["spec", "url"]?.string ?? source.object.name)
            if let dependency = releases.referenced(source, origin: origin, addOn: addOn, notes: &notes) {
                found.append(dependency)
            }
        }
        return found
    }
}
