/// An issue of the repository (never a pull request), as the bot reads it: enough to find its own
/// again (author and a hidden marker in the body) and to know whether it is open.
package struct Issue: Sendable, Equatable {
    package var number: Int
    package var title: String
    package var body: String
    package var author: String
    package var isOpen: Bool

    package init(number: Int, title: String, body: String, author: String, isOpen: Bool) {
        self.number = number
        self.title = title
        self.body = body
        self.author = author
        self.isOpen = isOpen
    }
}

/// What an edit of an issue changes; nil leaves that part as it is.
package struct IssueEdit: Sendable, Equatable {
    package var title: String?
    package var body: String?
    package var isOpen: Bool?

    package init(title: String? = nil, body: String? = nil, isOpen: Bool? = nil) {
        self.title = title
        self.body = body
        self.isOpen = isOpen
    }
}
