import Forge

/// What a command did, for the job system's logs and for tests.
package struct CommandOutcome: Sendable, Equatable {
    package enum Result: Sendable, Equatable {
        /// The comment is not a command, or the bot wrote it: no reaction, no reply.
        case ignored
        /// Help was asked for, or the command could not be read: the reply is the help.
        case answered
        /// The author may not run the command.
        case refused
        /// `recheck`: the review ran again and was published.
        case reviewed
        /// The commit `commit` is on `branch` of `url`.
        case pushed(commit: String, url: String, branch: String)
        /// The bot may not push to the branch: the reply carries the change as a diff.
        case suggested
        /// Nothing on the changed lines for the command to change.
        case nothingToChange
        /// The command failed without an error worth retrying (the branch moved, the push was
        /// refused, no finding could be fixed): the reply says why.
        case failed(String)
    }

    package var result: Result
    /// The bot's reply comment; nil when it ignored the comment.
    package var reply: PostedComment?
    /// One line per fix or annotated object.
    package var changes: [String]

    package init(result: Result, reply: PostedComment?, changes: [String] = []) {
        self.result = result
        self.reply = reply
        self.changes = changes
    }
}
