import Foundation

/// A classic (HTTP) Helm chart repository on 127.0.0.1: a generated `index.yaml` and the chart
/// archives it points to, served by a `LoopbackHTTPServer` with ETag and Last-Modified
/// revalidation, for testing clients that look up chart versions and cache the index.
///
/// Call `shutdown()` when done (a `defer` right after starting it); `deinit` does it too.
package final class HelmRepositoryFixture: Sendable {
    private let store: HelmRepositoryStore
    private let server: LoopbackHTTPServer

    /// The repository URL as `helm repo add` takes it; the index is at `url/index.yaml`.
    package var url: URL { server.baseURL }

    /// Every request served, in order, as "METHOD PATH STATUS" (e.g. "GET /index.yaml 304").
    package var requests: [String] { store.requests }

    private init(store: HelmRepositoryStore, server: LoopbackHTTPServer) {
        self.store = store
        self.server = server
    }

    deinit { shutdown() }

    package static func start(charts: [HelmChartArchive]) throws -> HelmRepositoryFixture {
        let store = HelmRepositoryStore()
        store.add(try charts.map { ($0, try $0.archive()) })
        let server = try LoopbackHTTPServer { store.reply(to: $0) }
        return HelmRepositoryFixture(store: store, server: server)
    }

    /// Publishes a chart version (replacing one with the same name and version): the index changes,
    /// and with it its ETag and Last-Modified.
    package func add(_ chart: HelmChartArchive) throws {
        store.add([(chart, try chart.archive())])
    }

    /// Publishes an archive packed elsewhere (a real chart folder, `ChartFolderArchive`) under
    /// `name` and `version`.
    package func add(name: String, version: String, archive: Data) {
        store.add([(HelmChartArchive(name: name, version: version), archive)])
    }

    package func shutdown() {
        server.shutdown()
    }
}
