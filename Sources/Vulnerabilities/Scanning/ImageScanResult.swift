/// One image a repository pins, scanned: where it is pinned, what it is, what is vulnerable in
/// it; or why it could not be read (the other images are scanned all the same).
package struct ImageScanResult: Sendable, Codable, Equatable {
    package var image: String
    /// `file:line:column` of each place the image is pinned.
    package var locations: [String]
    package var manifestDigest: String?
    package var platform: String?
    package var distribution: String?
    package var packageCount: Int
    package var vulnerabilities: [Vulnerability]
    package var notes: [String]
    package var error: String?
    /// The nearest newer tag the upgrade policy allows that has fewer vulnerabilities at or above
    /// the report's severity, or which tags were scanned without finding one (`FixingTagSearch`).
    package var fixingTag: FixingTag?

    package init(
        image: String, locations: [String], manifestDigest: String? = nil, platform: String? = nil,
        distribution: String? = nil,
        packageCount: Int = 0, vulnerabilities: [Vulnerability] = [], notes: [String] = [], error: String? = nil
    ) {
        self.image = image
        self.locations = locations
        self.manifestDigest = manifestDigest
        self.platform = platform
        self.distribution = distribution
        self.packageCount = packageCount
        self.vulnerabilities = vulnerabilities
        self.notes = notes
        self.error = error
    }
}
