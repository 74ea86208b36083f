/// An image that could not be read: which one, and why (a layer's digest where one is at fault).
public struct ImageScanError: Error, Sendable, CustomStringConvertible {
    public var image: String
    public var reason: String
    /// True when the image was refused for its size.
    public var isOverLimit: Bool

    public init(image: String, reason: String, isOverLimit: Bool = false) {
        self.image = image
        self.reason = reason
        self.isOverLimit = isOverLimit
    }

    public var description: String { "\(image): \(reason)" }
}
