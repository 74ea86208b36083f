/// Configuration text that is not a valid version range or versioning pattern. The description
/// names the text, the problem and how to write it instead, ready to show to the user.
package struct VersionSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Subject: String, Sendable, Hashable {
        case range = "version range"
        case pattern = "regex versioning pattern"
    }

    package let subject: Subject
    package let text: String
    package let problem: String
    package let hint: String

    package init(subject: Subject, text: String, problem: String, hint: String) {
        self.subject = subject
        self.text = text
        self.problem = problem
        self.hint = hint
    }

    package var description: String {
        "'\(text)' is not a valid \(subject.rawValue): \(problem). \(hint)"
    }
}
