import Bot

/// Which page of the jobs page's two lists is shown (`?running=2&dead=3`, from 1), so a queue
/// with thousands of dead jobs is still a page a browser shows at once.
package struct JobListPages: Sendable, Equatable {
    package var running: Int
    package var dead: Int

    package init(running: Int = 1, dead: Int = 1) {
        self.running = max(1, running)
        self.dead = max(1, dead)
    }

    /// From the page's query; a number that is not one is the first page.
    init(query: [String: String]) {
        self.init(
            running: query["running"].flatMap { Int($0) } ?? 1, dead: query["dead"].flatMap { Int($0) } ?? 1)
    }

    /// Where `state`'s list starts for `count` jobs, and what the template shows of its paging: the
    /// page (past the last is the last), how many, the links before and after.
    func list(_ state: JobState, count: Int, pageSize: Int) -> (offset: Int, view: [String: Any]) {
        let pages = max(1, (count + pageSize - 1) / pageSize)
        let page = min(state == .running ? running : dead, pages)
        var view: [String: Any] = ["page": page, "pages": pages, "count": count, "paged": pages > 1]
        if page > 1 { view["previous"] = link(state, page: page - 1) }
        if page < pages { view["next"] = link(state, page: page + 1) }
        return ((page - 1) * pageSize, view)
    }

    /// The jobs page with `state`'s list at `page` and the other list where it is.
    func link(_ state: JobState, page: Int) -> String {
        var pages = self
        if state == .running { pages.running = page } else { pages.dead = page }
        let parts = [("running", pages.running), ("dead", pages.dead)].filter { $0.1 > 1 }.map { "\($0)=\($1)" }
        return "/dashboard/jobs" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }
}
