import Upgrades
import Vulnerabilities

/// One image the default branch pins that has vulnerabilities at or above the threshold: every
/// place it is pinned, its vulnerabilities worst first, and the newer allowed tag that fixes some.
package struct VulnerableImage: Sendable, Equatable {
    package struct Place: Sendable, Hashable {
        package var file: String
        package var line: Int

        package init(file: String, line: Int) {
            self.file = file
            self.line = line
        }
    }

    package var image: String
    package var places: [Place]
    package var vulnerabilities: [Vulnerability]
    package var fixingTag: FixingTag?

    package init(image: String, places: [Place], vulnerabilities: [Vulnerability], fixingTag: FixingTag?) {
        self.image = image
        self.places = places
        self.vulnerabilities = vulnerabilities
        self.fixingTag = fixingTag
    }

    package var worst: Severity { vulnerabilities.map(\.severity).max() ?? .unknown }

    /// The review's verdicts (one per place an image is pinned) gathered per image, worst image
    /// first (then by name: the order is total); verdicts that are errors are left to `unreadable(_:)`.
    package static func gathered(_ verdicts: [ImageVerdict]) -> [VulnerableImage] {
        var images: [String: VulnerableImage] = [:]
        // Each image's places as a set too: an image may be pinned in thousands of places.
        var placed: [String: Set<Place>] = [:]
        for verdict in verdicts where verdict.error == nil && !verdict.vulnerabilities.isEmpty {
            let name = verdict.change.image.description
            let place = Place(
                file: verdict.change.dependency.location.file, line: verdict.change.dependency.location.line)
            let isNewPlace = placed[name, default: []].insert(place).inserted
            if var known = images[name] {
                if isNewPlace { known.places.append(place) }
                // A tag found at another place beats "none found" here (the searches may differ in what they could read).
                if known.fixingTag?.tag == nil, verdict.fixingTag?.tag != nil { known.fixingTag = verdict.fixingTag }
                images[name] = known
            } else {
                images[name] = VulnerableImage(
                    image: name, places: [place],
                    vulnerabilities: verdict.vulnerabilities.sorted(by: ImageVerdict.reportOrder),
                    fixingTag: verdict.fixingTag)
            }
        }
        return images.values.sorted {
            ($0.worst, $0.vulnerabilities.count, $1.image) > ($1.worst, $1.vulnerabilities.count, $0.image)
        }
    }

    /// The images that could not be scanned, each once, with the reason.
    package static func unreadable(_ verdicts: [ImageVerdict]) -> [(image: String, reason: String)] {
        var seen: Set<String> = []
        return verdicts.compactMap { verdict in
            guard let reason = verdict.error, seen.insert(verdict.change.image.description).inserted else { return nil }
            return (verdict.change.image.description, reason)
        }
    }
}
