/// One image a repository pins, scanned: where it is pinned, what it is, what is vulnerable in
/// it; or why it could not be read (the other images are scanned all the same).
public struct ImageScanResult: Sendable, Codable, Equatable {
    public var image: String
    /// `file:line:column` of each place the image is pinned.
    public var locations: [String]
    public var manifestDigest: String?
    public var platform: String?
    public var distribution: String?
    public var packageCount: Int
    public var vulnerabilities: [Vulnerability]
    public var notes: [String]
    public var error: String?

    public init(
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
