import Foundation

/// The forge's "may read" answers, kept per session and repository for a while, so a page asks
/// the forge once per repository and session and not on every view. At most `limit` are kept:
/// past it the expired go, and if that is not enough the half that expire soonest.
actor ReadPermissionCache {
    private struct Key: Hashable {
        var session: String
        var forge: String
        var repository: String
    }

    private let lifetime: Duration
    private let now: @Sendable () -> Date
    let limit: Int
    private var answers: [Key: (canRead: Bool, until: Date)] = [:]

    init(lifetime: Duration, limit: Int = 100_000, now: @escaping @Sendable () -> Date) {
        self.lifetime = lifetime
        self.limit = max(2, limit)
        self.now = now
    }

    var count: Int { answers.count }

    /// The kept answer, or `ask`'s, kept when it is one (a failure to ask is not kept).
    func canRead(session: String, forge: String, repository: String, ask: @Sendable () async -> Bool?) async -> Bool {
        let key = Key(session: session, forge: forge, repository: repository.lowercased())
        let time = now()
        if let kept = answers[key], kept.until > time { return kept.canRead }
        guard let answer = await ask() else { return false }
        if answers[key] == nil, answers.count >= limit {
            answers = answers.filter { $0.value.until > time }
            if answers.count >= limit {
                let kept = answers.sorted { $0.value.until > $1.value.until }.prefix(limit / 2)
                answers = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
            }
        }
        let seconds = Double(lifetime.components.seconds) + Double(lifetime.components.attoseconds) / 1e18
        answers[key] = (answer, time.addingTimeInterval(seconds))
        return answer
    }
}
