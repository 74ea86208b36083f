/// A Debian package version, `[epoch:]upstream[-revision]`, ordered exactly as
/// `dpkg --compare-versions` orders it (dpkg's `verrevcmp` on each part after the epoch).
package struct DebianVersion: Sendable, Comparable, CustomStringConvertible {
    package let epoch: Int
    package let upstream: String
    package let revision: String
    package let description: String

    /// nil for text dpkg refuses: an epoch that is not a number, an empty upstream part or revision.
    package init?(_ text: String) {
        var rest = Substring(text)
        var epoch = 0
        if let colon = rest.firstIndex(of: ":") {
            guard let number = Int(rest[..<colon]), number >= 0 else { return nil }
            epoch = number
            rest = rest[rest.index(after: colon)...]
        }
        var revision: Substring = ""
        if let dash = rest.lastIndex(of: "-") {
            revision = rest[rest.index(after: dash)...]
            rest = rest[..<dash]
            guard !revision.isEmpty else { return nil }
        }
        guard !rest.isEmpty else { return nil }
        self.epoch = epoch
        self.upstream = String(rest)
        self.revision = String(revision)
        self.description = text
    }

    package static func < (left: Self, right: Self) -> Bool { compare(left, right) < 0 }
    package static func == (left: Self, right: Self) -> Bool { compare(left, right) == 0 }

    /// -1, 0 or 1, as dpkg orders the two.
    package static func compare(_ left: Self, _ right: Self) -> Int {
        if left.epoch != right.epoch { return left.epoch < right.epoch ? -1 : 1 }
        let upstream = compareParts(Array(left.upstream.utf8), Array(right.upstream.utf8))
        return upstream != 0 ? upstream : compareParts(Array(left.revision.utf8), Array(right.revision.utf8))
    }

    /// dpkg's part comparison: alternating runs of non-digits (compared by `weight`) and digits
    /// (compared as numbers).
    static func compareParts(_ left: [UInt8], _ right: [UInt8]) -> Int {
        var i = 0
        var j = 0
        while i < left.count || j < right.count {
            var firstDifference = 0
            while (i < left.count && !ASCIIByte.isDigit(left[i])) || (j < right.count && !ASCIIByte.isDigit(right[j])) {
                let a = weight(i < left.count ? left[i] : nil)
                let b = weight(j < right.count ? right[j] : nil)
                if a != b { return a < b ? -1 : 1 }
                i += 1
                j += 1
            }
            while i < left.count, left[i] == UInt8(ascii: "0") { i += 1 }
            while j < right.count, right[j] == UInt8(ascii: "0") { j += 1 }
            while i < left.count, ASCIIByte.isDigit(left[i]), j < right.count, ASCIIByte.isDigit(right[j]) {
                if firstDifference == 0 { firstDifference = Int(left[i]) - Int(right[j]) }
                i += 1
                j += 1
            }
            if i < left.count, ASCIIByte.isDigit(left[i]) { return 1 }
            if j < right.count, ASCIIByte.isDigit(right[j]) { return -1 }
            if firstDifference != 0 { return firstDifference < 0 ? -1 : 1 }
        }
        return 0
    }

    /// `~` before the end, the end and digits alike, letters next, everything else after letters.
    private static func weight(_ byte: UInt8?) -> Int {
        guard let byte, !ASCIIByte.isDigit(byte) else { return 0 }
        if ASCIIByte.isLetter(byte) { return Int(byte) }
        if byte == UInt8(ascii: "~") { return -1 }
        return Int(byte) + 256
    }
}
