/// An RPM `[epoch:]version[-release]`, ordered as rpm 4.18 orders EVRs (`rpmverCmp`, which Lua's
/// `rpm.vercmp` calls): epochs (missing is 0), then versions, then releases (missing is empty,
/// so `1.0` < `1.0-1`), each by `rpmvercmp`.
package struct RPMVersion: Sendable, Comparable, CustomStringConvertible {
    package let epoch: String?
    package let version: String
    package let release: String?
    package let description: String

    /// Splits as rpm's `rpmverParse`: an epoch only when digits come before the first `:`, the
    /// release after the last `-`.
    package init(_ text: String) {
        description = text
        var rest = Substring(text)
        let digits = rest.prefix { ASCIIByte.isDigit($0.asciiValue ?? 0) && $0.isASCII }
        if rest.dropFirst(digits.count).first == ":" {
            epoch = digits.isEmpty ? "0" : String(digits)
            rest = rest.dropFirst(digits.count + 1)
        } else {
            epoch = nil
        }
        if let dash = rest.lastIndex(of: "-") {
            release = String(rest[rest.index(after: dash)...])
            rest = rest[..<dash]
        } else {
            release = nil
        }
        version = String(rest)
    }

    package init(epoch: String?, version: String, release: String?) {
        self.epoch = epoch
        self.version = version
        self.release = release
        description = (epoch.map { "\($0):" } ?? "") + version + (release.map { "-\($0)" } ?? "")
    }

    package static func < (left: Self, right: Self) -> Bool { compare(left, right) < 0 }
    package static func == (left: Self, right: Self) -> Bool { compare(left, right) == 0 }

    package static func compare(_ left: Self, _ right: Self) -> Int {
        var result = segmentCompare(left.epoch ?? "0", right.epoch ?? "0")
        if result == 0 { result = segmentCompare(left.version, right.version) }
        if result == 0 { result = segmentCompare(left.release ?? "", right.release ?? "") }
        return result
    }

    /// rpm's `rpmvercmp`: alphanumeric segments, separators skipped; `~` sorts before anything,
    /// even the end; `^` after the end but before anything else; numbers beat letters.
    package static func segmentCompare(_ leftText: String, _ rightText: String) -> Int {
        if leftText == rightText { return 0 }
        let a = Array(leftText.utf8)
        let b = Array(rightText.utf8)
        var i = 0
        var j = 0
        let tilde = UInt8(ascii: "~")
        let caret = UInt8(ascii: "^")
        func isSeparator(_ byte: UInt8) -> Bool { !ASCIIByte.isAlphanumeric(byte) && byte != tilde && byte != caret }
        while i < a.count || j < b.count {
            while i < a.count, isSeparator(a[i]) { i += 1 }
            while j < b.count, isSeparator(b[j]) { j += 1 }
            let x = i < a.count ? a[i] : nil
            let y = j < b.count ? b[j] : nil
            if x == tilde || y == tilde {
                if x != tilde { return 1 }
                if y != tilde { return -1 }
                i += 1
                j += 1
                continue
            }
            if x == caret || y == caret {
                if x == nil { return -1 }
                if y == nil { return 1 }
                if x != caret { return 1 }
                if y != caret { return -1 }
                i += 1
                j += 1
                continue
            }
            guard let x, y != nil else { break }
            let numeric = ASCIIByte.isDigit(x)
            let inSegment = { (byte: UInt8) in numeric ? ASCIIByte.isDigit(byte) : ASCIIByte.isLetter(byte) }
            var endA = i
            var endB = j
            while endA < a.count, inSegment(a[endA]) { endA += 1 }
            while endB < b.count, inSegment(b[endB]) { endB += 1 }
            if endB == j { return numeric ? 1 : -1 }
            var segmentA = a[i..<endA]
            var segmentB = b[j..<endB]
            if numeric {
                segmentA = segmentA.drop { $0 == UInt8(ascii: "0") }
                segmentB = segmentB.drop { $0 == UInt8(ascii: "0") }
                if segmentA.count != segmentB.count { return segmentA.count > segmentB.count ? 1 : -1 }
            }
            if segmentA.lexicographicallyPrecedes(segmentB) { return -1 }
            if segmentB.lexicographicallyPrecedes(segmentA) { return 1 }
            i = endA
            j = endB
        }
        if i >= a.count, j >= b.count { return 0 }
        return i >= a.count ? -1 : 1
    }
}
