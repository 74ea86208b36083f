/// A container image tag read by Renovate's docker rules: `v1.2.3rc1-bookworm-slim` is release
/// `[1, 2, 3]`, prerelease `rc1` and suffix `bookworm-slim`.
package struct DockerTag: ParsedVersion, Hashable {
    package let release: [Int]
    /// Letters and digits glued to the release (`rc1` in `1.2.3rc1`); empty when stable.
    package let prerelease: String
    /// Everything after the first hyphen (`alpine`, but also `rc1` in `1.2.3-rc1`).
    package let suffix: String

    package var prereleaseIdentifiers: [String] { prerelease.isEmpty ? [] : [prerelease] }
    package var isStable: Bool { prerelease.isEmpty }

    /// Same suffix and same number of release components: precision is never changed.
    package func isCompatible(with current: DockerTag) -> Bool {
        suffix == current.suffix && release.count == current.release.count
    }

    package func compare(to other: DockerTag) -> Int {
        for index in 0..<max(release.count, other.release.count) {
            // The shorter tag is greater: `2.1` floats to the newest `2.1.x`.
            guard index < release.count else { return 1 }
            guard index < other.release.count else { return -1 }
            if release[index] != other.release[index] { return release[index] < other.release[index] ? -1 : 1 }
        }
        if prerelease != other.prerelease {
            if prerelease.isEmpty { return 1 }
            if other.prerelease.isEmpty { return -1 }
            return TextOrder.alphabetical(prerelease, other.prerelease)
        }
        return TextOrder.alphabetical(other.suffix, suffix)
    }
}

extension DockerTag {
    /// Parses `text`, or returns nil when it is no version: empty, a git SHA (7-40 lowercase hex
    /// digits, not all digits) or a first hyphen-piece not matching `^v?\d+(\.\d+)*\w*$`.
    package init?(_ text: String) {
        var text = text
        guard let tag = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = tag
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> DockerTag? {
        guard !bytes.isEmpty, !looksLikeCommit(bytes) else { return nil }
        var index = bytes[0] == UInt8(ascii: "v") ? 1 : 0
        let hyphen = bytes[index...].firstIndex(of: UInt8(ascii: "-")) ?? bytes.count
        var release: [Int] = []
        release.reserveCapacity(4)
        guard let first = ASCII.readNumber(bytes, &index, end: hyphen) else { return nil }
        release.append(first)
        while index + 1 < hyphen, bytes[index] == UInt8(ascii: "."), ASCII.isDigit(bytes[index + 1]) {
            index += 1
            guard let number = ASCII.readNumber(bytes, &index, end: hyphen) else { return nil }
            release.append(number)
        }
        let prereleaseStart = index
        while index < hyphen {
            guard isWordByte(bytes[index]) else { return nil }
            index += 1
        }
        let suffixStart = min(hyphen + 1, bytes.count)
        return DockerTag(
            release: release,
            prerelease: ASCII.string(bytes, prereleaseStart..<hyphen),
            suffix: ASCII.string(bytes, suffixStart..<bytes.count)
        )
    }

    private static func looksLikeCommit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (7...40).contains(bytes.count) else { return false }
        let isHex = bytes.allSatisfy { ASCII.isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
        return isHex && !bytes.allSatisfy(ASCII.isDigit)
    }

    /// JavaScript's `\w`: ASCII letters, digits and underscore.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || ASCII.isLetter(byte) || byte == UInt8(ascii: "_")
    }
}
