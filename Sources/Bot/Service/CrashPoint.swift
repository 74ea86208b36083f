import Foundation

/// The steps of a job after which a test can make `shipshape serve` die at once (SIGKILL, as a
/// crash or an out-of-memory kill would), to prove that the job, run again after a restart, has
/// each effect once and replies truthfully. Armed only by `SHIPSHAPE_CRASH_AT=<step>`, which a
/// production deployment never sets; unset, each step is one comparison.
package enum CrashPoint: String, Sendable, CaseIterable {
    /// A command's comment has its 👀, nothing else is done.
    case commandAcknowledged = "command.acknowledged"
    /// `fix`/`ignore`: the commit is on the branch (or on a fix-up branch), nothing is said yet.
    case commandPushed = "command.pushed"
    /// The fix-up pull request is open, the command is not answered yet.
    case commandFixUpOpened = "command.fix-up-opened"
    /// The command's final reaction is given, its reply is not written yet.
    case commandReacted = "command.reacted"
    /// A review's inline comments are posted, the summary is not.
    case reviewCommented = "review.commented"
    /// A review's summary is written, its check run or status is not.
    case reviewSummarized = "review.summarized"
    /// A scan's check run (or status) is published; the queue has not recorded the job as done.
    case scanPublished = "scan.published"
    /// An upgrade branch is pushed, its pull request is not opened or updated yet.
    case upgradePushed = "upgrade.pushed"
    /// The job did everything; the queue has not recorded it as done.
    case jobFinished = "job.finished"

    package static let environmentVariable = "SHIPSHAPE_CRASH_AT"

    private static let armed = ProcessInfo.processInfo.environment[environmentVariable].flatMap(
        CrashPoint.init(rawValue:))

    /// Dies here when this is the step the environment names.
    package func reached() {
        guard Self.armed == self else { return }
        kill(getpid(), SIGKILL)
    }
}
