import Bot

/// Which findings the repository page lists: those of one category, check or namespace (the
/// group tables link to these), a page of `pageSize` at a time, so a branch with ten thousand
/// findings is still a page a browser shows at once.
package struct FindingFilter: Sendable, Equatable {
    package static let pageSize = 200

    package var category: String?
    package var check: String?
    package var namespace: String?
    /// From 1.
    package var page: Int

    package init(category: String? = nil, check: String? = nil, namespace: String? = nil, page: Int = 1) {
        self.category = category
        self.check = check
        self.namespace = namespace
        self.page = max(1, page)
    }

    /// From the page's query: `category`, `check`, `namespace` (empty means "(none)"), `page`.
    package init(query: [String: String]) {
        self.init(
            category: query["category"], check: query["check"], namespace: query["namespace"],
            page: query["page"].flatMap { Int($0) } ?? 1)
    }

    var isFiltered: Bool { category != nil || check != nil || namespace != nil }

    func admits(_ finding: ScanFinding) -> Bool {
        (category == nil || finding.category == category) && (check == nil || finding.check == check)
            && (namespace == nil || finding.namespace == namespace)
    }

    /// The page's query string for this filter at `page` (values percent-encoded).
    func query(page: Int) -> String {
        var parts: [String] = []
        if let category { parts.append("category=" + DashboardResponse.queryValue(category)) }
        if let check { parts.append("check=" + DashboardResponse.queryValue(check)) }
        if let namespace { parts.append("namespace=" + DashboardResponse.queryValue(namespace)) }
        if page > 1 { parts.append("page=\(page)") }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}
