import Foundation

/// What a Helm repository fixture serves, and its answers: `/index.yaml` and
/// `/charts/<name>-<version>.tgz`, with `ETag`/`If-None-Match` and
/// `Last-Modified`/`If-Modified-Since` revalidation, every request noted.
///
/// `@unchecked Sendable`: all state is guarded by `lock`; the server calls in on many threads.
final class HelmRepositoryStore: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [HelmRepositoryIndex.Entry] = []
    private var archives: [String: Data] = [:]
    private var index = Data()
    private var indexETag = ""
    private var indexModified = Date(timeIntervalSince1970: 0)
    private var served: [String] = []

    var requests: [String] { lock.withLock { served } }

    /// Adds (or replaces) chart versions and regenerates the index once. `Last-Modified` has whole
    /// seconds, so each change moves it at least one second on: a change within the same second as
    /// the last must still fail `If-Modified-Since`.
    func add(_ charts: [(chart: HelmChartArchive, archive: Data)]) {
        lock.withLock {
            let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            indexModified = max(now, indexModified.addingTimeInterval(1))
            for (chart, archive) in charts {
                entries.removeAll { $0.chart.name == chart.name && $0.chart.version == chart.version }
                entries.append(.init(chart: chart, digest: SHA256Digest.hex(archive), created: indexModified))
                archives[chart.fileName] = archive
            }
            index = Data(HelmRepositoryIndex.render(entries, generated: indexModified).utf8)
            indexETag = "\"\(SHA256Digest.hex(index).prefix(32))\""
        }
    }

    func reply(to request: ReceivedRequest) -> ServerReply {
        lock.withLock {
            let response = respond(to: request)
            served.append("\(request.method) \(request.path) \(response.status)")
            return .respond(response)
        }
    }

    private func respond(to request: ReceivedRequest) -> ServedResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return ServedResponse(status: 405, headers: [("Allow", "GET, HEAD")])
        }
        if request.path == "/index.yaml" {
            return conditional(
                request, body: index, contentType: "application/x-yaml", etag: indexETag, modified: indexModified)
        }
        let prefix = "/charts/"
        if request.path.hasPrefix(prefix), let archive = archives[String(request.path.dropFirst(prefix.count))],
            let entry = entries.first(where: { "\(prefix)\($0.chart.fileName)" == request.path })
        {
            return conditional(
                request, body: archive, contentType: "application/gzip", etag: "\"\(entry.digest)\"",
                modified: entry.created)
        }
        return ServedResponse(status: 404, headers: [("Content-Type", "text/plain")], body: Data("not found\n".utf8))
    }

    /// RFC 9110 §13.2.2: `If-None-Match` decides when present; `If-Modified-Since` only without it.
    private func conditional(_ request: ReceivedRequest, body: Data, contentType: String, etag: String, modified: Date)
        -> ServedResponse
    {
        let validators = [("ETag", etag), ("Last-Modified", HTTPHeaderDate.string(modified))]
        let notModified: Bool
        if let match = request.header("If-None-Match") {
            notModified = match.split(separator: ",").contains {
                let tag = $0.trimmingCharacters(in: .whitespaces)
                return tag == "*" || tag == etag || tag == "W/" + etag
            }
        } else if let since = request.header("If-Modified-Since").flatMap(HTTPHeaderDate.date) {
            notModified = modified <= since
        } else {
            notModified = false
        }
        if notModified { return ServedResponse(status: 304, headers: validators) }
        return ServedResponse(status: 200, headers: [("Content-Type", contentType)] + validators, body: body)
    }
}
