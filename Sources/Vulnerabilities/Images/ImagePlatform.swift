/// The platform an image index's entry is chosen for: `os/architecture[/variant]`, `linux/amd64`
/// unless configured.
package struct ImagePlatform: Sendable, Hashable, CustomStringConvertible {
    package var os: String
    package var architecture: String
    package var variant: String?

    package static let linuxAMD64 = ImagePlatform(os: "linux", architecture: "amd64")

    package init(os: String, architecture: String, variant: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.variant = variant
    }

    package init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), !parts.contains(where: \.isEmpty) else { return nil }
        self.init(os: parts[0], architecture: parts[1], variant: parts.count == 3 ? parts[2] : nil)
    }

    package var description: String { [os, architecture, variant].compactMap { $0 }.joined(separator: "/") }

    /// An index entry's platform fits when os and architecture are equal and, if this platform
    /// names a variant, the entry's variant is that one.
    func accepts(os: String?, architecture: String?, variant: String?) -> Bool {
        os == self.os && architecture == self.architecture && (self.variant == nil || variant == self.variant)
    }
}
