import ArgumentParser
import Foundation
import Policy

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
    /// GitLab's Code Quality report (`artifacts:reports:codequality`).
    case gitlabCodeQuality = "gitlab-codequality"
    /// GitHub Actions workflow commands: annotations on the lines, without an upload.
    case githubAnnotations = "github-annotations"
}

enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case danger, warning, never

    var severity: Severity? {
        switch self {
        case .danger: .danger
        case .warning: .warning
        case .never: nil
        }
    }
}

enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// `auto` colours only a terminal, and never when NO_COLOR is set (no-color.org).
    var enabled: Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }
}
