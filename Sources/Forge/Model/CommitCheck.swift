/// The verdict on a head commit: a check run on GitHub (with annotations), a commit status elsewhere.
public struct CommitCheck: Sendable {
    public enum Conclusion: String, Sendable { case success, neutral, failure }

    public struct Annotation: Sendable, Equatable {
        public enum Level: String, Sendable { case notice, warning, failure }
        public var path: String
        public var startLine: Int
        public var endLine: Int
        public var level: Level
        public var title: String
        public var message: String

        public init(path: String, startLine: Int, endLine: Int, level: Level, title: String, message: String) {
            self.path = path
            self.startLine = startLine
            self.endLine = endLine
            self.level = level
            self.title = title
            self.message = message
        }
    }

    /// The check's name on the forge ("shipshape"); statuses use it as their context.
    public var name: String
    public var headSHA: String
    /// nil while the review runs (pending / in progress).
    public var conclusion: Conclusion?
    /// The one-line summary (a status's description; a check run's title).
    public var title: String
    /// Markdown for check runs' output summary.
    public var summary: String
    public var annotations: [Annotation]
    public var detailsURL: String?

    public init(
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
