import Foundation
import Manifests

/// Flux `Kustomization`s (kustomize.toolkit.fluxcd.io) and what they do to the files they apply
/// before anything else: `postBuild.substitute` / `substituteFrom` variables (`${APP}`,
/// `${APP:=default}`, `${APP:-default}`, as Flux's envsubst reads them; unset ones become empty)
/// and `targetNamespace`. A file is applied by every Kustomization whose `spec.path` or one of
/// whose `spec.components` holds it; a component several apps use is rendered once per app.
struct FluxSubstitution {
    struct Application: Sendable, Hashable {
        var variables: [String: String]
        var targetNamespace: String?
    }

    private var applied: [(folder: String, application: Application)] = []

    static func isKustomization(_ object: KubernetesObject) -> Bool {
        object.kind == "Kustomization" && object.group == "kustomize.toolkit.fluxcd.io"
    }

    /// `folders`: the folders of the checked files (paths in Kustomizations are relative to the
    /// repository's root, which may sit above them: matched as suffixes, nearest first).
    init(kustomizations: [KubernetesObject], folders: Set<String>, index: ObjectIndex) {
        let sourceFolders = kustomizations.isEmpty ? SourceFolders([]) : SourceFolders(folders)
        for kustomization in kustomizations {
            guard let spec = kustomization.node["spec"], let path = spec["path"]?.string else { continue }
            var variables = spec["postBuild", "substitute"]?.stringMap ?? [:]
            for reference in spec["postBuild", "substituteFrom"]?.items ?? [] {
                guard let kind = reference["kind"]?.string, let name = reference["name"]?.string,
                    let holder = index.resolve(
                        kind: kind, name: name, namespace: kustomization.namespace, from: kustomization.file)
                else { continue }
                let data = holder.object.node["data"]?.stringMap ?? [:]
                let decoded =
                    kind == "Secret"
                    ? data.compactMapValues { Data(base64Encoded: $0).map { String(decoding: $0, as: UTF8.self) } }
                    : data
                for (key, value) in decoded.merging(
                    holder.object.node["stringData"]?.stringMap ?? [:], uniquingKeysWith: { _, new in new })
                where variables[key] == nil { variables[key] = value }
            }
            let application = Application(variables: variables, targetNamespace: spec["targetNamespace"]?.string)
            let roots = [path] + (spec["components"]?.items?.compactMap(\.string).map { path + "/" + $0 } ?? [])
            for root in roots {
                guard let folder = sourceFolders.folder(forSourcePath: root, near: kustomization.file)
                else { continue }
                applied.append((folder, application))
            }
        }
    }

    /// The Kustomizations that apply `file`, each once.
    func applications(of file: String) -> [Application] {
        var seen = Set<Application>()
        return applied.filter { file.hasPrefix($0.folder + "/") }.map(\.application).filter { seen.insert($0).inserted }
    }

    /// `text` with the variables substituted as Flux does.
    static func substitute(_ text: String, _ variables: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                result += rest[start.lowerBound...]
                return result
            }
            let expression = rest[start.upperBound..<end]
            let name = expression.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let operation = expression.dropFirst(name.count)
            if name.isEmpty || !(operation.isEmpty || operation.hasPrefix(":=") || operation.hasPrefix(":-")) {
                result += rest[start.lowerBound...end]
            } else if let value = variables[String(name)], !value.isEmpty {
                result += value
            } else {
                result += operation.isEmpty ? "" : String(operation.dropFirst(2))
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
