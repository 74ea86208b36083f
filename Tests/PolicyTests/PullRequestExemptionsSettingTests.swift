import Testing

@testable import Policy

/// `pullRequestExemptions: report | count` in a repository's configuration (read from the base
/// branch): whether exemptions a change adds count in its review before merge.
@Suite struct PullRequestExemptionsSettingTests {
    @Test func reportIsTheDefaultAndCountIsRead() throws {
        #expect(
            try ConfigurationReader.read(text: "checks: {}\n", file: "c.yaml", knownChecks: Catalogue.ids)
                .countsExemptionsAddedByChanges == false)
        let counting = try ConfigurationReader.read(
            text: "pullRequestExemptions: count\n", file: "c.yaml", knownChecks: Catalogue.ids)
        #expect(counting.countsExemptionsAddedByChanges)
        #expect(PolicyConfiguration().merging(counting).countsExemptionsAddedByChanges)
    }

    @Test func anotherValueIsAProblemAtItsLine() {
        #expect {
            try ConfigurationReader.read(
                text: "checks: {}\npullRequestExemptions: always\n", file: "c.yaml", knownChecks: Catalogue.ids)
        } throws: { error in
            "\(error)".contains("c.yaml:2:24: `pullRequestExemptions` must be report")
        }
    }
}
