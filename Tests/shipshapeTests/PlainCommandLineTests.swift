import ArgumentParser
import Testing

@testable import shipshape

/// `check` and `fix` read without argument-parser (issue 22's start-up) are the very commands
/// argument-parser makes of the same line, every property included; any other line is left to it.
@Suite struct PlainCommandLineTests {
    static let plainLines: [[String]] = [
        ["check", "examples"],
        ["check", "a.yaml", "b", "./c d/e.yml"],
        ["check", "examples", "--format", "json"],
        ["check", "--format=sarif", "examples"],
        ["check", "x", "--format", "gitlab-codequality", "--fail-on", "warning", "--color", "never"],
        ["check", "x", "--format=github-annotations", "--fail-on=never", "--color=always", "y"],
        ["check", "x", "--kube-version", "1.29", "--config", "c.yaml"],
        ["check", "x", "--kube-version=v1.16.0", "--config=c=d.yaml"],
        ["check", "--no-render", "x", "--offline"],
        ["check", "x", "--offline", "--cache-dir", "/tmp/cache", "--ca-bundle", "ca.pem"],
        ["check", "--offline", "/tmp/empty", "--format", "json"],
        ["fix", "examples"],
        ["fix", "examples", "--dry-run"],
        ["fix", "a", "b", "--checks", "runAsPrivileged,tagNotSpecified", "--config", "c.yaml"],
        ["fix", "a", "--checks=all", "--no-render", "--offline", "--cache-dir=/c", "--ca-bundle", "ca.pem"],
    ]

    /// Lines argument-parser reads: help, errors it words, and what the plain reader does not know.
    static let argumentParserLines: [[String]] = [
        ["check"], ["check", "--help"], ["check", "-h"], ["check", "help"], ["help", "check"],
        ["check", "x", "--format", "xml"], ["check", "x", "--format"], ["check", "x", "--format="],
        ["check", "x", "--format", "json", "--format", "text"], ["check", "x", "--offline", "--offline"],
        ["check", "x", "--bogus"], ["check", "-x"], ["check", "--", "-x"], ["check", "x", "-"],
        ["check", "x", "--kube-version", "one.two"], ["check", "x", "--config", "--offline"],
        ["check", "x", "--fail-on", "error"], ["check", "x", "--color", "sometimes"],
        ["check", "x", "--dry-run"], ["check", "x", "--version"], ["--version"], ["--help"], [],
        ["checks"], ["review", "x"], ["fix"], ["fix", "x", "--checks", "noSuchCheck"],
        ["fix", "x", "--format", "json"],
        ["fix", "x", "--dry-run", "--dry-run"],
    ]

    @Test(arguments: plainLines)
    func thePlainReaderMakesArgumentParsersCommand(_ line: [String]) throws {
        let parsed = try Shipshape.parseAsRoot(line)
        let plain: (any ParsableCommand)? =
            line.first == "check" ? CheckCommand.plain(line) : FixCommand.plain(line)
        let made = try #require(plain, "the plain reader reads \(line)")
        #expect(Self.described(made) == Self.described(parsed))
    }

    @Test(arguments: argumentParserLines)
    func otherLinesAreLeftToArgumentParser(_ line: [String]) {
        #expect(CheckCommand.plain(line) == nil)
        #expect(FixCommand.plain(line) == nil)
    }

    /// Every stored property, option groups' included, with the type that holds it.
    static func described(_ command: any ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }
}
