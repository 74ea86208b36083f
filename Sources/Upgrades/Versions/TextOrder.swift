/// Orderings of tag text. Renovate compares docker prereleases and suffixes with JavaScript's
/// `localeCompare`; `alphabetical` reproduces its ICU root ordering for ASCII tag text, which
/// differs from byte order (`a` < `B` < `b`, `_` < `-` < `.` < digits < letters).
enum TextOrder {
    /// `localeCompare`, optionally with `{ numeric: true }` so digit runs compare as numbers
    /// (`rc9` < `rc10`), as Renovate's regex versioning does.
    static func alphabetical(_ lhs: String, _ rhs: String, numeric: Bool = false) -> Int {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var i = 0
        var j = 0
        while i < left.count, j < right.count {
            if numeric, ASCII.isDigit(left[i]), ASCII.isDigit(right[j]) {
                let leftEnd = endOfDigits(left, from: i)
                let rightEnd = endOfDigits(right, from: j)
                let order = compareDigits(left[i..<leftEnd], right[j..<rightEnd])
                if order != 0 { return order }
                i = leftEnd
                j = rightEnd
                continue
            }
            let leftWeight = primaryWeight(left[i])
            let rightWeight = primaryWeight(right[j])
            if leftWeight != rightWeight { return leftWeight < rightWeight ? -1 : 1 }
            i += 1
            j += 1
        }
        if i < left.count || j < right.count { return i < left.count ? 1 : -1 }
        return caseOrder(left, right)
    }

    /// Plain byte order, for SemVer identifiers (semver.org: "lexically in ASCII sort order").
    static func compareBytes(_ lhs: String, _ rhs: String) -> Int {
        if lhs == rhs { return 0 }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8) ? -1 : 1
    }

    /// Compares two runs of ASCII digits as numbers of any length, without overflow.
    static func compareDigits<Digits: Collection<UInt8>>(_ lhs: Digits, _ rhs: Digits) -> Int {
        let left = lhs.drop { $0 == UInt8(ascii: "0") }
        let right = rhs.drop { $0 == UInt8(ascii: "0") }
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        for (a, b) in zip(left, right) where a != b { return a < b ? -1 : 1 }
        return 0
    }

    private static func endOfDigits(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, ASCII.isDigit(bytes[end]) { end += 1 }
        return end
    }

    /// Case-folded weight; `_` moves before `-` as in ICU's punctuation order.
    private static func primaryWeight(_ byte: UInt8) -> UInt8 {
        if byte == UInt8(ascii: "_") { return UInt8(ascii: ",") }
        if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { return byte + 32 }
        return byte
    }

    /// ICU's tertiary level: texts equal but for case put lowercase first at the first difference.
    private static func caseOrder(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        for (a, b) in zip(lhs, rhs) where a != b && primaryWeight(a) == primaryWeight(b) {
            return a > b ? -1 : 1
        }
        return 0
    }
}
