import CHelm
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Helm's own engine, in process: Helm v4's Go SDK built as a C library (`libhelm_c`, project
/// helm-c-sdk, shipped by PyPI's `helm-python-sdk`), opened at run time. Every chart Shipshape
/// renders goes through it; there is no look-alike template engine.
///
/// The library is thread-safe (its handles live in a registry of its own), so one instance
/// serves every thread: hence `@unchecked Sendable` (its own stored values never change).
package final class HelmLibrary: @unchecked Sendable {
    package let path: String
    /// The Helm SDK version compiled into the library (`v4.2.3`).
    package let helmVersion: String
    let freeString: shipshape_helm_free_string_fn
    let chartLoad: shipshape_helm_chart_load_fn
    let chartLoadArchive: shipshape_helm_chart_load_archive_fn
    let chartFree: shipshape_helm_chart_free_fn
    let chartMetadata: shipshape_helm_chart_json_fn
    let render: shipshape_helm_render_fn

    /// Opens the library at `path`; throws when it is not there or is not libhelm_c.
    package init(path: String) throws(HelmError) {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown reason"
            throw HelmError(operation: "opening \(path)", message: reason)
        }
        func symbol<T>(_ name: String, as type: T.Type) throws(HelmError) -> T {
            guard let address = dlsym(handle, name) else {
                throw HelmError(operation: "opening \(path)", message: "\(name) is missing: not libhelm_c 0.2 or newer")
            }
            return unsafeBitCast(address, to: type)
        }
        self.path = path
        freeString = try symbol("helm_free_string", as: shipshape_helm_free_string_fn.self)
        chartLoad = try symbol("helm_chart_load", as: shipshape_helm_chart_load_fn.self)
        chartLoadArchive = try symbol("helm_chart_load_archive", as: shipshape_helm_chart_load_archive_fn.self)
        chartFree = try symbol("helm_chart_free", as: shipshape_helm_chart_free_fn.self)
        chartMetadata = try symbol("helm_chart_metadata", as: shipshape_helm_chart_json_fn.self)
        render = try symbol("helm_render", as: shipshape_helm_render_fn.self)
        let version = try symbol("helm_sdk_version", as: shipshape_helm_version_fn.self)
        if let text = version() {
            helmVersion = String(cString: text)
            freeString(UnsafeMutablePointer(mutating: text))
        } else {
            helmVersion = "unknown"
        }
    }

    /// Loads a chart from its folder (`Chart.yaml`, `templates/`, `charts/`).
    package func loadChart(folder: String) throws(HelmError) -> HelmChart {
        var handle: helm_handle_t = 0
        var error: UnsafeMutablePointer<CChar>?
        let status = chartLoad(folder, &handle, &error)
        try check(status, error, "loading the chart in \(folder)")
        return HelmChart(library: self, handle: handle)
    }

    /// Loads a chart from its packed archive (`.tgz`).
    package func loadChart(archive: [UInt8]) throws(HelmError) -> HelmChart {
        var handle: helm_handle_t = 0
        var error: UnsafeMutablePointer<CChar>?
        let status = archive.withUnsafeBufferPointer {
            chartLoadArchive($0.baseAddress, UInt64($0.count), &handle, &error)
        }
        try check(status, error, "loading a chart archive")
        return HelmChart(library: self, handle: handle)
    }

    /// Takes a string the library allocated: copied, then freed.
    func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { freeString(pointer) }
        return String(cString: pointer)
    }

    func check(_ status: Int32, _ error: UnsafeMutablePointer<CChar>?, _ operation: String) throws(HelmError) {
        let message = take(error)
        guard status != 0 else { return }
        throw HelmError(operation: operation, message: message ?? "failed with code \(status)")
    }
}
