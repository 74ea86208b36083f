/// An image that could not be read: which one, and why (a layer's digest where one is at fault).
package struct ImageScanError: Error, Sendable, CustomStringConvertible {
    package var image: String
    package var reason: String
    /// True when the image was refused for its size.
    package var isOverLimit: Bool

    package init(image: String, reason: String, isOverLimit: Bool = false) {
        self.image = image
        self.reason = reason
        self.isOverLimit = isOverLimit
    }

    package var description: String { "\(image): \(reason)" }
}
