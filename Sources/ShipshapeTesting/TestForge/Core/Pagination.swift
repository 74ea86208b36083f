/// Pages of a list endpoint and the headers that lead a client to the next one.
struct Pagination {
    enum Style { case github, gitea, gitlab }

    let style: Style
    /// Query parameter naming the page size: `per_page` (GitHub, GitLab) or `limit` (Gitea).
    let sizeParameter: String
    let defaultSize: Int
    let maxSize: Int

    static let github = Pagination(style: .github, sizeParameter: "per_page", defaultSize: 30, maxSize: 100)
    /// Gitea's `DEFAULT_PAGING_NUM` is 30 and `MAX_RESPONSE_ITEMS` 50 (app.ini defaults).
    static let gitea = Pagination(style: .gitea, sizeParameter: "limit", defaultSize: 30, maxSize: 50)
    static let gitlab = Pagination(style: .gitlab, sizeParameter: "per_page", defaultSize: 20, maxSize: 100)

    /// `links`: false for endpoints that page but send no `Link` header (Gitea's reviews list);
    /// `envelope`: the body around a page and the total, for lists answered inside an object
    /// (GitHub's check runs: `{total_count, check_runs}`).
    func respond(
        _ items: [Any], to call: ForgeCall, baseURL: String, status: Int = 200, links: Bool = true,
        envelope: ((_ page: [Any], _ total: Int) -> Any)? = nil
    ) -> ServedResponse {
        let query = call.request.queryItems
        var size = Int(query[sizeParameter] ?? "") ?? defaultSize
        if size <= 0 { size = defaultSize }
        size = min(size, maxSize)
        let page = max(Int(query["page"] ?? "") ?? 1, 1)
        let lastPage = max((items.count + size - 1) / size, 1)
        let start = min((page - 1) * size, items.count)
        let slice = Array(items[start..<min(start + size, items.count)])
        let headers = headers(
            page: page, lastPage: lastPage, size: size, total: items.count, call: call, baseURL: baseURL)
        return .json(
            status, envelope?(slice, items.count) ?? slice,
            headers: links ? headers : headers.filter { $0.name != "Link" })
    }

    private func headers(page: Int, lastPage: Int, size: Int, total: Int, call: ForgeCall, baseURL: String) -> [(
        name: String, value: String
    )] {
        var links: [String] = []
        func link(_ target: Int, _ relation: String) {
            links.append("<\(url(page: target, size: size, call: call, baseURL: baseURL))>; rel=\"\(relation)\"")
        }
        if style == .gitlab {
            if page > 1 { link(page - 1, "prev") }
            if page < lastPage { link(page + 1, "next") }
            link(1, "first")
            link(lastPage, "last")
        } else {
            if page < lastPage {
                link(page + 1, "next")
                link(lastPage, "last")
            }
            if page > 1 {
                link(1, "first")
                link(page - 1, "prev")
            }
        }
        var headers: [(name: String, value: String)] = links.isEmpty ? [] : [("Link", links.joined(separator: ", "))]
        switch style {
        case .github:
            break
        case .gitea:
            headers.append(("X-Total-Count", String(total)))
        case .gitlab:
            headers += [
                ("x-page", String(page)), ("x-per-page", String(size)), ("x-total", String(total)),
                ("x-total-pages", String(lastPage)), ("x-next-page", page < lastPage ? String(page + 1) : ""),
                ("x-prev-page", page > 1 ? String(page - 1) : ""),
            ]
        }
        return headers
    }

    private func url(page: Int, size: Int, call: ForgeCall, baseURL: String) -> String {
        var pairs = call.request.query.split(separator: "&").map(String.init).filter {
            !$0.hasPrefix("page=") && !$0.hasPrefix("\(sizeParameter)=") && !$0.isEmpty
        }
        pairs.append("\(sizeParameter)=\(size)")
        pairs.append("page=\(page)")
        return "\(baseURL)\(call.request.path)?\(pairs.joined(separator: "&"))"
    }
}
