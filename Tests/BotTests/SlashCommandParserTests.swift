import Bot
import Policy
import Testing

/// The comment grammar, case by case: what is a command, what is somebody talking about one,
/// and what the bot answers for typos.
@Suite struct SlashCommandParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let body: String
        let expected: ParsedComment
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "fix without ids", body: "/shipshape fix", expected: .command(.fix([]))),
        Case(name: "prefix and verb in any case", body: "/ShipShape FIX", expected: .command(.fix([]))),
        Case(
            name: "extra whitespace everywhere", body: "  \t/shipshape    fix \t  runAsPrivileged   ",
            expected: .command(.fix(["runAsPrivileged"]))),
        Case(
            name: "check ids in any case come back canonical", body: "/shipshape fix RUNASPRIVILEGED tagnotspecified",
            expected: .command(.fix(["runAsPrivileged", "tagNotSpecified"]))),
        Case(
            name: "check ids separated by commas, repeated once",
            body: "/shipshape fix tagNotSpecified,runAsPrivileged tagNotSpecified",
            expected: .command(.fix(["tagNotSpecified", "runAsPrivileged"]))),
        Case(
            name: "an unknown check id gets a did-you-mean", body: "/shipshape fix runAsPrivilegd",
            expected: .invalid("`runAsPrivilegd` is not a check id; did you mean `runAsPrivileged`?")),
        Case(
            name: "an unknown check id nothing like a known one", body: "/shipshape fix banana",
            expected: .invalid("`banana` is not a check id.")),
        Case(
            name: "only the first line counts", body: "/shipshape recheck\n/shipshape fix", expected: .command(.recheck)
        ),
        Case(
            name: "a command on a later line is not a command", body: "Thanks!\n/shipshape fix", expected: .notACommand),
        Case(
            name: "a quoted command is not a command", body: "> /shipshape fix\n\nWhy did this not work?",
            expected: .notACommand),
        Case(
            name: "a command in backticks is not a command", body: "`/shipshape fix` fixes it", expected: .notACommand),
        Case(name: "blank lines before the command", body: "\n\n   /shipshape help", expected: .command(.help)),
        Case(name: "Windows line endings", body: "/shipshape recheck\r\nplease", expected: .command(.recheck)),
        Case(name: "the prefix glued to a word is another word", body: "/shipshapefix", expected: .notACommand),
        Case(name: "a mention is not the prefix", body: "@shipshape fix", expected: .notACommand),
        Case(name: "plain conversation", body: "LGTM, merging", expected: .notACommand),
        Case(name: "the prefix alone asks for help", body: "/shipshape", expected: .command(.help)),
        Case(name: "help ignores what follows", body: "/shipshape help me", expected: .command(.help)),
        Case(
            name: "recheck takes no arguments", body: "/shipshape recheck now",
            expected: .invalid("`/shipshape recheck` takes no arguments (got `now`).")),
        Case(
            name: "ignore with a reason of several words",
            body: "/shipshape ignore runAsPrivileged   testing only, see #12  ",
            expected: .command(.ignore(checkID: "runAsPrivileged", reason: "testing only, see #12"))),
        Case(
            name: "ignore keeps the reason's own case and spacing",
            body: "/SHIPSHAPE Ignore RUNASPRIVILEGED Needed  by the CNI",
            expected: .command(.ignore(checkID: "runAsPrivileged", reason: "Needed  by the CNI"))),
        Case(
            name: "ignore without a reason", body: "/shipshape ignore hostNetworkSet",
            expected: .command(.ignore(checkID: "hostNetworkSet", reason: nil))),
        Case(
            name: "ignore without a check id", body: "/shipshape ignore  ",
            expected: .invalid("`/shipshape ignore` needs the check to ignore: `/shipshape ignore CHECK_ID [reason]`.")),
        Case(
            name: "ignore with an unknown check id gets a did-you-mean",
            body: "/shipshape ignore hostNetwrkSet because",
            expected: .invalid("`hostNetwrkSet` is not a check id; did you mean `hostNetworkSet`?")),
        Case(
            name: "two letters swapped in a verb", body: "/shipshape fxi",
            expected: .unknown(verb: "fxi", suggestion: "fix")),
        Case(
            name: "a letter missing from a verb", body: "/shipshape rechek",
            expected: .unknown(verb: "rechek", suggestion: "recheck")),
        Case(
            name: "a typo keeps the verb as typed", body: "/shipshape IGNROE x",
            expected: .unknown(verb: "IGNROE", suggestion: "ignore")),
        Case(
            name: "a verb nothing like a known one", body: "/shipshape deploy",
            expected: .unknown(verb: "deploy", suggestion: nil)),
        Case(
            name: "a short word is no typo of a verb", body: "/shipshape hi",
            expected: .unknown(verb: "hi", suggestion: nil)),
    ]

    @Test(arguments: cases)
    func parses(_ example: Case) {
        #expect(SlashCommandParser.parse(example.body, knownChecks: Catalogue.ids) == example.expected)
    }

    /// The bot keeps ids it does not know yet (a repository's custom checks and Kyverno rules) and
    /// resolves them once the review has read the repository.
    @Test func checksDefinedAtRunTimeAreResolvedAfterTheReview() {
        let parsed = SlashCommandParser.parse(
            "/shipshape fix KYVERNO:team/no-privileged, tagnotspecified", knownChecks: Catalogue.ids,
            checksDefinedAtRunTime: true)
        #expect(parsed == .command(.fix(["KYVERNO:team/no-privileged", "tagNotSpecified"])))
        guard case .command(let command) = parsed else { return }
        let known = Catalogue.ids.union(["kyverno:team/no-privileged", "imageRegistry"])
        #expect(
            SlashCommandParser.resolve(command, knownChecks: known)
                == .success(.fix(["kyverno:team/no-privileged", "tagNotSpecified"])))
        let typo = SlashCommandParser.resolve(.ignore(checkID: "imageRegistri", reason: "x"), knownChecks: known)
        guard case .failure(let unknown) = typo else {
            Issue.record("expected an unknown check, got \(typo)")
            return
        }
        #expect(unknown.description == "`imageRegistri` is not a check id; did you mean `imageRegistry`?")
    }

    @Test func everyVerbHasUsageAndSummary() {
        for verb in SlashCommandParser.Verb.allCases {
            #expect(verb.usage.hasPrefix("/shipshape \(verb.rawValue)"))
            #expect(!verb.summary.isEmpty)
        }
    }

    @Test func onlyFixAndIgnoreChangeTheBranch() {
        #expect(
            SlashCommand.fix([]).changesTheBranch && SlashCommand.ignore(checkID: "x", reason: nil).changesTheBranch)
        #expect(!SlashCommand.recheck.changesTheBranch && !SlashCommand.help.changesTheBranch)
        #expect(SlashCommandParser.Verb.allCases.filter(\.changesTheBranch) == [.fix, .ignore])
    }
}
