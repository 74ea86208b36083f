/// Kyverno's wildcards: `*` matches any run of characters, `?` exactly one.
enum KyvernoWildcard {
    static func match(_ pattern: String, _ text: String) -> Bool {
        if !pattern.contains("*") && !pattern.contains("?") { return pattern == text }
        let pattern = Array(pattern)
        let text = Array(text)
        // Iterative matcher with one backtrack point: linear in practice, never exponential.
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

/// Kubernetes quantities (`500m`, `1Gi`, `2e3`) and Go durations (`1h30m`), as numbers to compare.
enum KyvernoQuantity {
    static func parse(_ text: String) -> Double? {
        var body = Substring(text)
        guard !body.isEmpty else { return nil }
        let suffixes: [(String, Double)] = [
            ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
            ("Pi", 1_125_899_906_842_624),
            ("Ei", 1_152_921_504_606_846_976), ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6),
            ("G", 1e9),
            ("T", 1e12), ("P", 1e15), ("E", 1e18),
        ]
        var factor = 1.0
        for (suffix, value) in suffixes where body.hasSuffix(suffix) {
            let number = body.dropLast(suffix.count)
            if suffix == "E", number.last.map({ $0.isNumber }) != true { break }
            factor = value
            body = number
            break
        }
        guard let first = body.first, first.isNumber || first == "+" || first == "-" || first == "." else { return nil }
        guard body.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let number = Double(body) else { return nil }
        return number * factor
    }

    static func duration(_ text: String) -> Double? {
        if text == "0" { return 0 }
        let units: [(String, Double)] = [
            ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
        ]
        var rest = Substring(text)
        var total = 0.0
        var sign = 1.0
        if rest.first == "-" {
            sign = -1
            rest = rest.dropFirst()
        } else if rest.first == "+" {
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber || $0 == "." }
            guard !digits.isEmpty, let number = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) })
            else { return nil }
            total += number * unit.1
            rest = rest.dropFirst(unit.0.count)
        }
        return sign * total
    }
}
