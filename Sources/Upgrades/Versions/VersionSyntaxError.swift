/// Configuration text that is not a valid version range or versioning pattern. The description
/// names the text, the problem and how to write it instead, ready to show to the user.
public struct VersionSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Subject: String, Sendable, Hashable {
        case range = "version range"
        case pattern = "regex versioning pattern"
    }

    public let subject: Subject
    public let text: String
    public let problem: String
    public let hint: String

    public init(subject: Subject, text: String, problem: String, hint: String) {
        self.subject = subject
        self.text = text
        self.problem = problem
        self.hint = hint
    }

    public var description: String {
        "'\(text)' is not a valid \(subject.rawValue): \(problem). \(hint)"
    }
}
