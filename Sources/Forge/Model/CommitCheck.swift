/// The verdict on a head commit: a check run on GitHub (with annotations), a commit status elsewhere.
package struct CommitCheck: Sendable {
    package enum Conclusion: String, Sendable { case success, neutral, failure }

    package struct Annotation: Sendable, Equatable {
        package enum Level: String, Sendable { case notice, warning, failure }
        package var path: String
        package var startLine: Int
        package var endLine: Int
        package var level: Level
        package var title: String
        package var message: String

        package init(path: String, startLine: Int, endLine: Int, level: Level, title: String, message: String) {
            self.path = path
            self.startLine = startLine
            self.endLine = endLine
            self.level = level
            self.title = title
            self.message = message
        }
    }

    /// The check's name on the forge ("shipshape"); statuses use it as their context.
    package var name: String
    package var headSHA: String
    /// nil while the review runs (pending / in progress).
    package var conclusion: Conclusion?
    /// The one-line summary (a status's description; a check run's title).
    package var title: String
    /// Markdown for check runs' output summary.
    package var summary: String
    package var annotations: [Annotation]
    package var detailsURL: String?

    package init(
        name: String, headSHA: String, conclusion: Conclusion?, title: String, summary: String = "",
        annotations: [Annotation] = [], detailsURL: String? = nil
    ) {
        self.name = name
        self.headSHA = headSHA
        self.conclusion = conclusion
        self.title = title
        self.summary = summary
        self.annotations = annotations
        self.detailsURL = detailsURL
    }
}
