import Manifests

/// Finds the deprecated and removed apiVersions in a chart's files.
struct DeprecatedUseScanner {
    let deprecations: DeprecationTable
    /// With the deprecation data's own targets for the other components, as the
    /// `deprecatedApiVersion` check reads them.
    let kubernetesVersion: ReleaseVersion

    /// Every use in `files` (path → text), ordered by file and line.
    func uses(in files: [String: String]) -> [DeprecatedUse] {
        files.sorted { $0.key < $1.key }.flatMap { file, text in
            ManifestHeader.read(text).flatMap { uses(in: $0, file: file) }
        }
    }

    private func uses(in document: ManifestHeader, file: String) -> [DeprecatedUse] {
        guard let kind = document.kind else { return [] }
        let judged = document.apiVersions.map { apiVersion in (apiVersion, judge(apiVersion.value, kind: kind)) }
        // A template offering several apiVersions picks one by the cluster's capabilities; while
        // one of them is current, the old one is a fallback for older clusters, not a problem.
        if Set(document.apiVersions.map(\.value)).count > 1, judged.contains(where: { $0.1 == nil }) { return [] }
        return judged.compactMap { apiVersion, verdict in
            guard let verdict else { return nil }
            return DeprecatedUse(
                file: file, line: apiVersion.line, apiVersion: apiVersion.value, kind: kind,
                status: verdict.status, target: verdict.target, api: verdict.api)
        }
    }

    /// The deprecation row and status when the apiVersion is not current at its component's target.
    private func judge(_ apiVersion: String, kind: String) -> (
        api: DeprecatedAPI, status: DeprecatedAPI.Status, target: ReleaseVersion
    )? {
        guard let api = deprecations.entry(apiVersion: apiVersion, kind: kind),
            let target = deprecations.target(for: api.component, kubernetesVersion: kubernetesVersion)
        else { return nil }
        let status = api.status(at: target)
        return status == .current ? nil : (api, status, target)
    }
}
