/// The numbers of the named capture groups in an ICU regular expression, counted the way ICU
/// numbers groups (by opening parenthesis). Reading a match by number is much cheaper than
/// `range(withName:)`, which costs a third of the match itself on Linux.
enum CaptureGroupNumbers {
    /// nil when the count disagrees with `captureGroupCount` or the pattern uses free-spacing
    /// comments: callers then fall back to looking groups up by name.
    static func named(in pattern: String, captureGroupCount: Int) -> [String: Int]? {
        let scalars = Array(pattern.unicodeScalars)
        var numbers: [String: Int] = [:]
        var count = 0
        var index = 0
        var classDepth = 0
        func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard at(1) == "Q" else {
                    index += 2
                    continue
                }
                // \Q…\E quotes everything up to \E.
                index += 2
                while index < scalars.count, !(scalars[index] == "\\" && at(1) == "E") { index += 1 }
                index += 2
                continue
            }
            if classDepth > 0 || scalar == "[" {
                if scalar == "[" { classDepth += 1 } else if scalar == "]" { classDepth -= 1 }
                index += 1
                continue
            }
            if scalar == "(" {
                switch (at(1), at(2)) {
                case ("?", "<"?) where at(3).map { $0.properties.isAlphabetic } ?? false:
                    count += 1
                    let nameStart = index + 3
                    var nameEnd = nameStart
                    while nameEnd < scalars.count, scalars[nameEnd] != ">" { nameEnd += 1 }
                    numbers[String(String.UnicodeScalarView(scalars[nameStart..<nameEnd]))] = count
                case ("?", "x"?), ("?", "#"?):
                    return nil
                case ("?", _):
                    break
                default:
                    count += 1
                }
            }
            index += 1
        }
        return count == captureGroupCount ? numbers : nil
    }
}
