/// One member of a tar archive. `contents` is empty for everything but regular files.
package struct TarEntry: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case file, directory, symbolicLink, hardLink
        /// Devices, FIFOs and anything else a chart or a layer has no use for.
        case other(UInt8)
    }

    package var name: String
    package var kind: Kind
    /// The target of a link, empty for the other kinds.
    package var linkName: String
    package var contents: ArraySlice<UInt8>
}
