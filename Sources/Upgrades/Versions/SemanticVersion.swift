/// A SemVer 2.0 version as Helm writes chart versions: an optional leading `v`, one to three
/// release numbers (Helm accepts `1.2`), a dotted prerelease after `-` and build metadata after `+`.
package struct SemanticVersion: ParsedVersion, Hashable {
    /// Release padded to three numbers, so `1.2` and `1.2.0` have equal precedence.
    package let numericVersion: NumericVersion
    /// How many release numbers the text wrote (1 to 3).
    package let precision: Int
    /// Build metadata identifiers; ignored when ordering (semver.org §10).
    package let build: [String]

    package var release: [Int] { numericVersion.release }
    package var prereleaseIdentifiers: [String] { numericVersion.prerelease }
    package var isStable: Bool { !numericVersion.isPrerelease }

    /// Any two SemVer versions are compatible: a partial `1.2` may move to `1.3.0`.
    package func isCompatible(with current: SemanticVersion) -> Bool { true }

    package func compare(to other: SemanticVersion) -> Int {
        numericVersion.compare(to: other.numericVersion)
    }
}

extension SemanticVersion {
    /// Parses `text`; nil when it is not SemVer (empty identifiers, leading zeros in numeric
    /// prerelease identifiers, characters outside `[0-9A-Za-z-]`, more than three numbers).
    package init?(_ text: String) {
        var text = text
        guard let version = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = version
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> SemanticVersion? {
        var index = bytes.first == UInt8(ascii: "v") ? 1 : 0
        var release: [Int] = []
        release.reserveCapacity(3)
        while true {
            guard let number = ASCII.readNumber(bytes, &index, end: bytes.count) else { return nil }
            release.append(number)
            guard release.count < 3, index < bytes.count, bytes[index] == UInt8(ascii: ".") else { break }
            index += 1
        }
        let precision = release.count
        while release.count < 3 { release.append(0) }
        var prerelease: [String] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard let identifiers = identifiers(bytes, &index, stopAt: UInt8(ascii: "+"), isPrerelease: true) else {
                return nil
            }
            prerelease = identifiers
        }
        var build: [String] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") {
            index += 1
            guard let identifiers = identifiers(bytes, &index, stopAt: nil, isPrerelease: false) else { return nil }
            build = identifiers
        }
        guard index == bytes.count else { return nil }
        return SemanticVersion(
            numericVersion: NumericVersion(release: release, prerelease: prerelease),
            precision: precision,
            build: build
        )
    }

    /// Dot-separated `[0-9A-Za-z-]+` identifiers up to `stop` or the end; nil when one is empty,
    /// has another character, or (in a prerelease) is numeric with a leading zero.
    private static func identifiers(
        _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, stopAt stop: UInt8?, isPrerelease: Bool
    ) -> [String]? {
        var identifiers: [String] = []
        var start = index
        while true {
            let atEnd = index == bytes.count || bytes[index] == stop
            if atEnd || bytes[index] == UInt8(ascii: ".") {
                guard index > start else { return nil }
                let isNumeric = bytes[start..<index].allSatisfy(ASCII.isDigit)
                if isPrerelease, isNumeric, index - start > 1, bytes[start] == UInt8(ascii: "0") { return nil }
                identifiers.append(ASCII.string(bytes, start..<index))
                if atEnd { return identifiers }
                index += 1
                start = index
            } else {
                let byte = bytes[index]
                guard ASCII.isDigit(byte) || ASCII.isLetter(byte) || byte == UInt8(ascii: "-") else { return nil }
                index += 1
            }
        }
    }
}
