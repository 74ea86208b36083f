/// One member of a tar archive. `contents` is empty for everything but regular files.
public struct TarEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case file, directory, symbolicLink, hardLink
        /// Devices, FIFOs and anything else a chart or a layer has no use for.
        case other(UInt8)
    }

    public var name: String
    public var kind: Kind
    /// The target of a link, empty for the other kinds.
    public var linkName: String
    public var contents: ArraySlice<UInt8>
}
