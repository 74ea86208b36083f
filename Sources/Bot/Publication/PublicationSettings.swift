/// How a review is published: limits and names a team may change.
package struct PublicationSettings: Sendable {
    /// New inline comments per review, at most (reviewdog's default); the rest go to the summary.
    package var maximumInlineComments: Int
    /// The check run's name, or the commit status's context.
    package var checkName: String
    /// Where the check catalogue is documented; each check's section is `#<id in lower case>`.
    package var catalogueURL: String
    /// How many findings the summary lists by name.
    package var topFindings: Int
    /// A link to the job's page, when the bot has one.
    package var detailsURL: String?

    package init(
        maximumInlineComments: Int = 30, checkName: String = "shipshape",
        catalogueURL: String = "https://github.com/shipshape-dev/shipshape/blob/main/docs/checks.md",
        topFindings: Int = 10, detailsURL: String? = nil
    ) {
        self.maximumInlineComments = maximumInlineComments
        self.checkName = checkName
        self.catalogueURL = catalogueURL
        self.topFindings = topFindings
        self.detailsURL = detailsURL
    }

    func documentation(of checkID: String) -> String {
        catalogueURL + "#" + checkID.lowercased()
    }
}
