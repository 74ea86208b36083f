import Foundation

/// An issue of a repository, in the stand-in's neutral shape (`state` "open" or "closed"; GitLab's
/// dialect says "opened"). GitHub and Gitea number issues and pull requests from one sequence,
/// GitLab each from its own.
final class StoredIssue {
    let id: Int
    let number: Int
    let repository: String
    let author: String
    var title: String
    var body: String
    var state = "open"
    let createdAt: String
    var updatedAt: String
    var closedAt: String?
    /// How many calls changed it (its title, body or state); an edit that changes nothing is not counted.
    var edits = 0

    init(id: Int, number: Int, repository: String, author: String, title: String, body: String, createdAt: String) {
        self.id = id
        self.number = number
        self.repository = repository
        self.author = author
        self.title = title
        self.body = body
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}

extension ForgeStore {
    /// A new issue, numbered as the forge numbers it.
    func openIssue(repository: String, author: String, title: String, body: String) -> StoredIssue {
        let issue = StoredIssue(
            id: nextID(.issue), number: nextIssueNumber(in: repository), repository: repository, author: author,
            title: title, body: body, createdAt: now())
        issues.append(issue)
        return issue
    }

    func issue(_ repository: String, _ number: Int) throws -> StoredIssue {
        guard
            let issue = issues.first(where: {
                $0.number == number && $0.repository.caseInsensitiveCompare(repository) == .orderedSame
            })
        else { throw APIFailure.notFound("Issue") }
        return issue
    }

    /// The repository's issues, newest first (the order all three forges list by default), of one
    /// author when given, in one state when given.
    func issues(of repository: String, author: String?, open: Bool?) -> [StoredIssue] {
        issues.filter { issue in
            issue.repository.caseInsensitiveCompare(repository) == .orderedSame
                && (author.map { issue.author.caseInsensitiveCompare($0) == .orderedSame } ?? true)
                && (open.map { issue.state == ($0 ? "open" : "closed") } ?? true)
        }.reversed()
    }

    /// Applies an edit the way the forges do: only what changes counts, a state change stamps `closed_at`.
    func edit(_ issue: StoredIssue, title: String?, body: String?, open: Bool?) {
        var changed = false
        if let title, title != issue.title {
            issue.title = title
            changed = true
        }
        if let body, body != issue.body {
            issue.body = body
            changed = true
        }
        if let open, open != (issue.state == "open") {
            issue.state = open ? "open" : "closed"
            changed = true
        }
        guard changed else { return }
        issue.edits += 1
        issue.updatedAt = now()
        issue.closedAt = issue.state == "closed" ? issue.updatedAt : nil
    }

    /// Next issue number: GitHub and Gitea share the sequence with pull requests (`nextNumber`),
    /// GitLab does not.
    func nextIssueNumber(in repository: String) -> Int {
        guard flavor == .gitlab else { return nextNumber(in: repository) }
        return (issues.filter { $0.repository == repository }.map(\.number).max() ?? 0) + 1
    }
}
