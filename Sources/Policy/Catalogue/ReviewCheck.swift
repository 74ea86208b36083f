/// A check that reviews make at run time from something other than the files' objects (the images
/// a change pins): not in `Catalogue.all`, never run by `check`, but documented with the
/// catalogue so the link each finding carries (`CheckMetadata.documentationURL`) has a section.
package struct ReviewCheck: Sendable {
    package var metadata: CheckMetadata
    /// How a finding's severity is decided (there is no default in `config/checks.yaml`).
    package var severity: String
    /// Which runs make it.
    package var madeBy: String

    /// A changed image's known vulnerabilities (`Review`'s image review).
    package static let vulnerableImage = ReviewCheck(
        metadata: CheckMetadata(
            id: "vulnerableImage", category: .security, target: "Image",
            title: "Images should have no known vulnerabilities",
            description:
                "A known vulnerability in an image is deployed with it, and stays in the cluster until someone upgrades the image.",
            remediation:
                "Pin a tag whose packages are fixed (the comment names the nearest one the upgrade policy allows, when one has fewer vulnerabilities), or rebuild the image on a fixed base."
        ),
        severity:
            "`danger` when a vulnerability is critical or high, `warning` otherwise or when the image cannot be read",
        madeBy:
            "`shipshape review --scan-images` and the bot's reviews with `vulnerabilities:` configured, on the line that pins an image the change pins anew, for vulnerabilities at or above the threshold (default high) that the image it replaces did not have. It has no `-exempt` annotation: the vulnerabilities belong to the image, not to an object. `shipshape scan-images` lists the same vulnerabilities for every image a tree pins."
    )
}

extension Catalogue {
    /// The checks reviews make at run time, documented after the catalogue's own.
    package static let reviewChecks: [ReviewCheck] = [.vulnerableImage]
}
