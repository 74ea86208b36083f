import Archives

extension LayerChanges {
    /// Builds a layer's changes from its tar members as they stream past, holding only the bytes
    /// a scan reads: package databases and os-release whole, ELF files whole (Go binaries' build
    /// information), every other file's first four bytes at most. A database larger than
    /// `keptFileLimit` is an error; an ELF file larger than it is kept as present only.
    struct Reader: TarVisitor {
        static let elfMagic: [UInt8] = [0x7f, 0x45, 0x4c, 0x46]

        private enum Holding {
            /// A database: all of it.
            case database
            /// Any other file: its first bytes, and all of it once they show an ELF file.
            case probe
            /// An ELF file larger than the limit, or a member whose contents are not read.
            case nothing
        }

        let keptFileLimit: Int
        private(set) var changes = LayerChanges()
        private var path = ""
        private var isFile = false
        private var holding = Holding.nothing
        private var bytes: [UInt8] = []

        init(keptFileLimit: Int) { self.keptFileLimit = keptFileLimit }

        mutating func begin(_ entry: TarEntry, size: Int) throws {
            path = RootFiles.normalized(entry.name)
            isFile = false
            holding = .nothing
            bytes = []
            let (folder, name) = LayerChanges.split(path)
            if name == ".wh..wh..opq" {
                changes.opaqueDirectories.append(folder)
                return
            }
            if name.hasPrefix(".wh.") {
                changes.whiteouts.append(folder.isEmpty ? String(name.dropFirst(4)) : folder + "/" + name.dropFirst(4))
                return
            }
            switch entry.kind {
            case .file:
                isFile = true
                if RootFiles.keepsBytes(path) {
                    guard size <= keptFileLimit else {
                        throw ArchiveError(
                            entry: path, reason: "is \(size >> 20) MiB, more than \(keptFileLimit >> 20) MiB; refused",
                            isOverLimit: true)
                    }
                    holding = .database
                } else {
                    holding = size <= keptFileLimit ? .probe : .nothing
                }
            case .hardLink:
                // A hard link names a file earlier in the same layer.
                changes.files[path] = changes.files[RootFiles.normalized(entry.linkName)] ?? .other
            case .symbolicLink:
                changes.files[path] = .symbolicLink(entry.linkName)
            case .directory, .other:
                return
            }
        }

        mutating func contents(_ piece: UnsafeRawBufferPointer) throws {
            switch holding {
            case .database:
                bytes.append(contentsOf: piece)
            case .probe:
                let missing = Self.elfMagic.count - bytes.count
                guard missing > 0 else {
                    bytes.append(contentsOf: piece)
                    return
                }
                let head = piece.prefix(missing)
                bytes.append(contentsOf: head)
                if bytes.count == Self.elfMagic.count, bytes != Self.elfMagic {
                    holding = .nothing
                    bytes = []
                    return
                }
                bytes.append(contentsOf: piece.dropFirst(head.count))
            case .nothing:
                return
            }
        }

        mutating func end() throws {
            guard isFile else { return }
            changes.files[path] = holding == .nothing ? .other : LayerChanges.content(path: path, bytes: bytes)
            bytes = []
        }
    }
}
