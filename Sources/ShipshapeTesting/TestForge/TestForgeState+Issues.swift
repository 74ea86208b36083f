import Foundation

extension TestForgeState {
    /// An issue as the tests look at it: who opened it, what it says, whether it is open, and how
    /// many calls changed it.
    package struct IssueRecord: Sendable, Equatable {
        package var number: Int
        package var title: String
        package var body: String
        package var author: String
        package var isOpen: Bool
        package var edits: Int
    }

    /// Opens an issue as `author` would in the forge's web page; returns its number. The
    /// repository's name is kept as the forge spells it, whatever case `repository` has.
    @discardableResult
    package func openIssue(repository: String, author: String, title: String, body: String) -> Int {
        locked {
            let name = (try? store.repository(repository))?.fullName ?? repository
            return store.openIssue(repository: name, author: author, title: title, body: body).number
        }
    }

    /// The repository's issues, oldest first.
    package func issues(repository: String) -> [IssueRecord] {
        locked {
            store.issues(of: repository, author: nil, open: nil).reversed().map {
                IssueRecord(
                    number: $0.number, title: $0.title, body: $0.body, author: $0.author, isOpen: $0.state == "open",
                    edits: $0.edits)
            }
        }
    }
}
