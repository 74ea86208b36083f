/// How a review is published: limits and names a team may change.
public struct PublicationSettings: Sendable {
    /// New inline comments per review, at most (reviewdog's default); the rest go to the summary.
    public var maximumInlineComments: Int
    /// The check run's name, or the commit status's context.
    public var checkName: String
    /// Where the check catalogue is documented; each check's section is `#<id in lower case>`.
    public var catalogueURL: String
    /// How many findings the summary lists by name.
    public var topFindings: Int
    /// A link to the job's page, when the bot has one.
    public var detailsURL: String?

    public init(
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
