import CHelm
import Foundation

/// A chart loaded into the Helm library, freed with this value.
///
/// `@unchecked Sendable`: it holds only immutable values, and the handle is an id in libhelm_c's
/// own thread-safe registry (see `HelmLibrary`), so any thread may render with it.
package final class HelmChart: @unchecked Sendable {
    let library: HelmLibrary
    let handle: helm_handle_t

    init(library: HelmLibrary, handle: helm_handle_t) {
        self.library = library
        self.handle = handle
    }

    deinit {
        var error: UnsafeMutablePointer<CChar>?
        _ = library.chartFree(handle, &error)
        _ = library.take(error)
    }

    /// `Chart.yaml` as Helm read it, in JSON.
    package func metadataJSON() throws(HelmError) -> String {
        var out: UnsafeMutablePointer<CChar>?
        var error: UnsafeMutablePointer<CChar>?
        let status = library.chartMetadata(handle, &out, &error)
        let text = library.take(out)
        try library.check(status, error, "reading the chart's metadata")
        return text ?? "{}"
    }

    /// One rendered template: its path in the chart (`podinfo/templates/deployment.yaml`) and text.
    package struct RenderedTemplate: Sendable, Hashable {
        package var template: String
        package var manifest: String
    }

    /// Renders the templates as `helm template` does, offline: `lookup` finds nothing, no hook
    /// runs, nothing is installed. `valuesJSON` is laid over the chart's defaults by Helm.
    /// Templates come sorted by path.
    package func render(valuesJSON: String, release: String, namespace: String) throws(HelmError) -> [RenderedTemplate]
    {
        let options =
            "{\"name\":\(JSONText.quoted(release)),\"namespace\":\(JSONText.quoted(namespace)),\"is_install\":true}"
        var out: UnsafeMutablePointer<CChar>?
        var error: UnsafeMutablePointer<CChar>?
        let status = library.render(handle, valuesJSON, options, &out, &error)
        let text = library.take(out)
        try library.check(status, error, "rendering")
        guard let data = text?.data(using: .utf8),
            let manifests = (try? JSONSerialization.jsonObject(with: data)) as? [String: String]
        else {
            throw HelmError(
                operation: "rendering", message: "the library answered something that is not a map of templates")
        }
        return manifests.map { RenderedTemplate(template: $0.key, manifest: $0.value) }.sorted {
            $0.template < $1.template
        }
    }
}
