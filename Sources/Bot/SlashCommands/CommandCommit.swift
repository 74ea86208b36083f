import GitKit

/// A command's commit names the comment that asked for it in a trailer. A command run again
/// (its worker crashed after the push, before the reply) finds that commit on the branch and
/// reports it, instead of working on top of its own fixes and answering that nothing was left.
enum CommandCommit {
    static let trailerKey = "Shipshape-Command"

    /// How many commits down a branch to look: people may have pushed on top since.
    static let searchDepth = 20

    static func trailer(_ commentID: String) -> String { "\(trailerKey): \(commentID)" }

    /// The commit message: the change's message, then the trailer after a blank line.
    static func message(_ change: BranchChange, title: String, commentID: String) -> String {
        change.commitMessage(title: title) + "\n" + trailer(commentID) + "\n"
    }

    /// The commit for `commentID` on one of `branches` (name → tip), looking down first parents
    /// from each tip, and the branch it was found on; nil when no branch has one.
    static func find(for commentID: String, on branches: [(name: String, tip: ObjectID)], in mirror: Repository) -> (
        commit: ObjectID, branch: String
    )? {
        let line = trailer(commentID)
        for (name, tip) in branches {
            var next: ObjectID? = tip
            for _ in 0..<searchDepth {
                // A tip the mirror does not have (a fork's branch fetched nowhere) is not ours to report.
                guard let commit = next, let info = try? mirror.info(of: commit) else { break }
                if info.message.split(separator: "\n").contains(where: { $0 == line }) { return (commit, name) }
                next = info.parents.first
            }
        }
        return nil
    }
}
