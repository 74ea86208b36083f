/// The build information the Go linker embeds in binaries since Go 1.18 (`go version -m` shows
/// it): the Go version and the module list. Found by the `\xff Go buildinf:` header; the inline
/// format (flags bit 2) holds two length-prefixed strings. Older binaries keep pointers into the
/// data segment instead, which are not followed (`nil`, noted by the caller).
package struct GoBuildInfo: Sendable, Hashable, Codable {
    package struct Module: Sendable, Hashable, Codable {
        package var path: String
        package var version: String
    }

    package var goVersion: String
    package var main: Module?
    package var dependencies: [Module]

    private static let magic: [UInt8] = [0xff] + Array(" Go buildinf:".utf8)

    /// nil when `binary` is not an ELF file or holds no inline build information.
    package init?(binary: [UInt8]) {
        guard binary.starts(with: [0x7f, 0x45, 0x4c, 0x46]), let start = Self.find(Self.magic, in: binary),
            start + 32 <= binary.count, binary[start + 15] & 2 != 0
        else { return nil }
        var cursor = start + 32
        guard let version = Self.string(binary, &cursor), let modules = Self.string(binary, &cursor) else { return nil }
        goVersion = String(decoding: version, as: UTF8.self)
        // The module text sits between two 16-byte sentinels.
        var text = modules
        if text.count >= 33, text[text.startIndex + text.count - 17] == UInt8(ascii: "\n") {
            text = text.dropFirst(16).dropLast(16)
        }
        var main: Module?
        var dependencies: [Module] = []
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { continue }
            switch fields[0] {
            case "mod": main = Module(path: fields[1], version: fields[2])
            case "dep": dependencies.append(Module(path: fields[1], version: fields[2]))
            // A replacement stands for the dependency before it, at the replacement's version.
            case "=>" where !dependencies.isEmpty:
                dependencies[dependencies.count - 1] = Module(path: fields[1], version: fields[2])
            default: continue
            }
        }
        self.main = main
        self.dependencies = dependencies
    }

    /// The packages advisories are filed under: `stdlib` at the Go version, the main module
    /// (unless built from a work tree: `(devel)`), and each dependency.
    package func packages(foundIn path: String) -> [InstalledPackage] {
        var packages: [InstalledPackage] = []
        if goVersion.hasPrefix("go") {
            packages.append(
                InstalledPackage(
                    name: "stdlib", version: String(goVersion.dropFirst(2)), kind: .goModule, foundIn: path))
        }
        for module in [main].compactMap({ $0 }) + dependencies where module.version != "(devel)" {
            packages.append(
                InstalledPackage(name: module.path, version: module.version, kind: .goModule, foundIn: path))
        }
        return packages
    }

    /// A uvarint length, then that many bytes.
    private static func string(_ bytes: [UInt8], _ cursor: inout Int) -> ArraySlice<UInt8>? {
        var length = 0
        var shift = 0
        while cursor < bytes.count, shift < 63 {
            let byte = bytes[cursor]
            cursor += 1
            length |= Int(byte & 0x7f) << shift
            if byte & 0x80 == 0 {
                guard length >= 0, length <= bytes.count - cursor else { return nil }
                defer { cursor += length }
                return bytes[cursor..<(cursor + length)]
            }
            shift += 7
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            guard let candidate = haystack[index...last].firstIndex(of: first) else { return nil }
            if haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
