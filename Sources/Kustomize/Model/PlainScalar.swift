import Foundation

/// How kustomize's YAML reader (go-yaml v3, YAML 1.2's core schema) types a plain scalar.
enum PlainScalar {
    /// False for null, booleans, integers (decimal, `0x`, `0o`, `0b`, `_` separators) and floats.
    static func readsAsString(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
            ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            return false
        default:
            return !isInteger(text) && !isFloat(text)
        }
    }

    private static func isInteger(_ text: String) -> Bool {
        var body = Substring(text.replacingOccurrences(of: "_", with: ""))
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        for (prefix, radix) in [("0x", 16), ("0X", 16), ("0o", 8), ("0O", 8), ("0b", 2), ("0B", 2)]
        where body.hasPrefix(prefix) {
            return body.count > 2 && Int(body.dropFirst(2), radix: radix) != nil
        }
        if body.count > 1, body.first == "0" { return Int(body.dropFirst(), radix: 8) != nil }
        return body.allSatisfy(\.isASCIIDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let mantissaEnd = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) ?? rest.endIndex
        let mantissa = rest[..<mantissaEnd]
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        if parts.count == 1 {
            guard !parts[0].isEmpty else { return false }
        } else if parts[0].isEmpty, parts[1].isEmpty {
            return false
        }
        guard mantissaEnd < rest.endIndex else { return true }
        var exponent = rest[rest.index(after: mantissaEnd)...]
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
