import Foundation

extension HTTPResponse {
    /// The first link with this relation across all `Link` headers, resolved against the URL
    /// that answered.
    package func link(rel relation: String) -> URL? {
        let wanted = relation.lowercased()
        for value in headers.values("Link") {
            for link in WebLink.parse(value) where link.relations.contains(wanted) {
                if let url = URL(string: link.target, relativeTo: url)?.absoluteURL { return url }
            }
        }
        return nil
    }
}

extension HTTPClient {
    /// Sends the request and follows `rel="next"` links with the same method and headers,
    /// returning every page in order. A link to another origin is never followed there (it would
    /// carry the credentials elsewhere): GitLab and Gitea build their links from their configured
    /// external URL, which differs from an API address on an internal host name, so its `page`
    /// number is asked of the request's own URL instead. A non-2xx page throws `unexpectedStatus`;
    /// more than `maxPages` pages, a link back to a visited page, or a link to another origin
    /// without a page number throws `paginationFailed`.
    package func sendAllPages(_ request: HTTPRequest, maxPages: Int = 100) async throws -> [HTTPResponse] {
        var pages: [HTTPResponse] = []
        var visited: Set<String> = []
        var next: HTTPRequest? = request
        while let page = next {
            guard pages.count < maxPages else {
                throw HTTPError.paginationFailed(
                    method: request.method, url: request.url,
                    reason: "more than \(maxPages) pages (raise maxPages or narrow the query)")
            }
            guard visited.insert(page.url.absoluteString).inserted else {
                throw HTTPError.paginationFailed(
                    method: request.method, url: request.url,
                    reason: "the next link of page \(pages.count) leads back to \(Redaction.url(page.url))")
            }
            let response = try await send(page).requireSuccess(for: page)
            pages.append(response)
            next = try response.link(rel: "next").map { link in
                var following = page
                if link.isSameOrigin(as: request.url) {
                    following.url = link
                } else if let url = request.url.settingPage(ofLink: link) {
                    following.url = url
                } else {
                    throw HTTPError.paginationFailed(
                        method: request.method, url: request.url,
                        reason:
                            "the next link of page \(pages.count) leads to another origin, \(Redaction.url(link)), and names no page"
                    )
                }
                return following
            }
        }
        return pages
    }
}

extension URL {
    /// This URL with the `page` query parameter of `link` (replacing its own), or nil when the
    /// link names no page.
    func settingPage(ofLink link: URL) -> URL? {
        guard
            let page = URLComponents(url: link, resolvingAgainstBaseURL: true)?.queryItems?.last(where: {
                $0.name == "page"
            })?.value,
            var components = URLComponents(url: self, resolvingAgainstBaseURL: true)
        else { return nil }
        components.queryItems =
            (components.queryItems ?? []).filter { $0.name != "page" } + [URLQueryItem(name: "page", value: page)]
        return components.url
    }

    /// Same scheme, host and port (a port left out is the scheme's default, as RFC 6454 has it):
    /// where credentials sent to one may also go to the other.
    package func isSameOrigin(as other: URL) -> Bool {
        scheme?.lowercased() == other.scheme?.lowercased() && host?.lowercased() == other.host?.lowercased()
            && effectivePort == other.effectivePort
    }

    private var effectivePort: Int? { port ?? ["https": 443, "http": 80][scheme?.lowercased() ?? ""] }
}
