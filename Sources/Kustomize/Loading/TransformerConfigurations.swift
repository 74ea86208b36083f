import Manifests
import Policy

/// `configurations:` files: field specs a repository adds to kustomize's built-in ones. Only
/// `nameReference` is built (the only kind GitOps repositories use, for HelmRelease values that
/// name a generated ConfigMap); any other section is refused with a note.
enum TransformerConfigurations {
    static func load(_ kustomization: Kustomization, session: BuildSession) throws {
        for entry in try kustomization.strings("configurations") {
            let path = BuildPath.join(kustomization.folder, entry.text)
            guard BuildPath.isWithin(path, kustomization.folder) else {
                throw KustomizeError(
                    "security: configuration \(entry.text) is not in or below \(kustomization.folder)", at: entry.origin
                )
            }
            guard session.fileSystem.fileExists(path) else {
                throw KustomizeError("configuration \(entry.text) does not exist (\(path))", at: entry.origin)
            }
            let stream = YAMLParser.parse(bytes: try session.read(path, at: entry.origin))
            if let error = stream.errors.first {
                throw KustomizeError(
                    "the configuration is not valid YAML: \(error)",
                    at: SourceLocation(file: path, position: error.position))
            }
            guard let root = try stream.documents.first?.root.map({ try Node.copy($0, file: path) }),
                root.entries != nil
            else { continue }
            for section in root.entries ?? [] {
                guard section.key == "nameReference" else {
                    if section.node.isNull || section.node.items?.isEmpty == true { continue }
                    session.note(
                        "configurations",
                        "configurations: \(section.key) (custom field specs) is not built by Shipshape yet",
                        at: section.node.origin)
                    continue
                }
                for reference in section.node.items ?? [] {
                    guard let kind = reference["kind"]?.string else {
                        throw KustomizeError("a nameReference entry needs kind:", at: reference.origin)
                    }
                    let specs = (reference["fieldSpecs"]?.items ?? []).compactMap { spec -> FieldSpec? in
                        guard let fieldPath = spec["path"]?.string else { return nil }
                        return FieldSpec(
                            fieldPath, kind: spec["kind"]?.string, group: spec["group"]?.string,
                            version: spec["version"]?.string)
                    }
                    session.referenceRules.append(
                        NameReferences.Rule(kind: kind, group: reference["group"]?.string, referrers: specs))
                }
            }
        }
    }
}
