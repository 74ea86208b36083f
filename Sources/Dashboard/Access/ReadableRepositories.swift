/// Which of many repositories a viewer may read, asked `DashboardPages.questionsAtOnce` at a time:
/// the overview of a few hundred repositories asks the forge once for each on a session's first
/// view, and one after another that would take as many round trips.
extension DashboardPages {
    static let questionsAtOnce = 8

    /// `repositories`: `(forge, owner/name)` pairs; the answer holds `forge:owner/name` of the readable ones.
    func readable(_ viewer: DashboardViewer, among repositories: [(forge: String, repository: String)]) async
        -> Set<String>
    {
        let access = self.access
        var readable: Set<String> = []
        await withTaskGroup(of: (String, Bool).self) { group in
            var pending = repositories.makeIterator()
            func askNext() -> Bool {
                guard let next = pending.next() else { return false }
                group.addTask {
                    (
                        next.forge + ":" + next.repository,
                        await access.canRead(viewer, forge: next.forge, repository: next.repository)
                    )
                }
                return true
            }
            for _ in 0..<Self.questionsAtOnce where !askNext() { break }
            for await (key, canRead) in group {
                if canRead { readable.insert(key) }
                _ = askNext()
            }
        }
        return readable
    }
}
