import Forge
import Testing

/// Each forge's pull-request head ref is one its mirror refspec fetches.
@Suite struct PullRequestHeadRefTests {
    @Test(arguments: [
        (ForgeKind.github, "refs/pull/7/head"), (.gitea, "refs/pull/7/head"), (.gitlab, "refs/merge-requests/7/head"),
    ])
    func theHeadRefIsWhereTheForgeKeepsItAndTheRefspecFetchesIt(kind: ForgeKind, ref: String) {
        #expect(kind.pullRequestHeadRef(7) == ref)
        let source = kind.pullRequestHeadsRefspec.dropFirst().split(separator: ":").first.map(String.init) ?? ""
        let parts = source.split(separator: "*", omittingEmptySubsequences: false)
        #expect(parts.count == 2 && ref.hasPrefix(parts[0]) && ref.hasSuffix(parts[1]))
    }
}
