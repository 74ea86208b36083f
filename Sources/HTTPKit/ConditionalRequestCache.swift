import Foundation

/// Wraps a client so that repeated GETs revalidate instead of downloading again: it remembers
/// each 200 response that carried an `ETag` or `Last-Modified`, sends `If-None-Match` /
/// `If-Modified-Since` next time, and answers a 304 with the remembered response marked
/// `servedFromCache` (with the 304's fresh headers, such as rate-limit counts, laid over it).
/// GitHub does not count such 304s against the rate limit.
///
/// Entries are kept per URL, `Accept` header and credential identity, so one token never sees a
/// response fetched with another. The identity is a hash of the credential headers, seeded per
/// process: the cache never holds a token.
package actor ConditionalRequestCache: HTTPClient {
    private struct Key: Hashable {
        let url: String
        let accept: String
        let identity: Int
    }

    private struct Entry {
        let response: HTTPResponse
        let entityTag: String?
        let lastModified: String?
    }

    private let base: any HTTPClient
    private let maximumEntries: Int
    private var entries: [Key: Entry] = [:]
    private var insertionOrder: [Key] = []

    private static let credentialHeaders = ["Authorization", "PRIVATE-TOKEN", "JOB-TOKEN", "Cookie"]
    /// Headers of the stored response a 304 must not replace: they describe the stored body.
    private static let bodyHeaders: Set<String> = [
        "content-length", "content-encoding", "transfer-encoding", "content-type",
    ]

    package init(wrapping base: any HTTPClient, maximumEntries: Int = 1000) {
        self.base = base
        self.maximumEntries = max(1, maximumEntries)
    }

    /// A streamed body is not kept (it is too large to hold; that is why it streams): straight through.
    package func send(_ request: HTTPRequest, bodyTo receiver: any HTTPBodyReceiver) async throws -> HTTPResponse {
        try await base.send(request, bodyTo: receiver)
    }

    /// How many responses are remembered.
    package var count: Int { entries.count }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .get, request.headers["If-None-Match"] == nil,
            request.headers["If-Modified-Since"] == nil
        else {
            return try await base.send(request)
        }
        let key = Self.key(for: request)
        var conditional = request
        if let entry = entries[key] {
            if let entityTag = entry.entityTag { conditional.headers["If-None-Match"] = entityTag }
            if let lastModified = entry.lastModified { conditional.headers["If-Modified-Since"] = lastModified }
        }
        let response = try await base.send(conditional)
        if response.status == 304, let entry = entries[key] {
            return Self.revalidated(entry.response, by: response)
        }
        if response.status == 200 { remember(response, under: key) }
        return response
    }

    private func remember(_ response: HTTPResponse, under key: Key) {
        let entityTag = response.headers["ETag"]
        let lastModified = response.headers["Last-Modified"]
        let noStore = response.headers["Cache-Control"]?.lowercased().contains("no-store") ?? false
        guard entityTag != nil || lastModified != nil, !noStore else { return }
        if entries[key] == nil {
            insertionOrder.append(key)
            if insertionOrder.count > maximumEntries { entries[insertionOrder.removeFirst()] = nil }
        }
        entries[key] = Entry(response: response, entityTag: entityTag, lastModified: lastModified)
    }

    private static func revalidated(_ stored: HTTPResponse, by notModified: HTTPResponse) -> HTTPResponse {
        var response = stored
        for field in notModified.headers where !bodyHeaders.contains(field.name.lowercased()) {
            response.headers[field.name] = nil
        }
        for field in notModified.headers where !bodyHeaders.contains(field.name.lowercased()) {
            response.headers.add(field.name, field.value)
        }
        response.servedFromCache = true
        return response
    }

    private static func key(for request: HTTPRequest) -> Key {
        var hasher = Hasher()
        for name in credentialHeaders {
            hasher.combine(name)
            hasher.combine(request.headers[name] ?? "")
        }
        return Key(
            url: request.url.absoluteString, accept: request.headers["Accept"] ?? "", identity: hasher.finalize())
    }
}
