/// A Kubernetes resource quantity (`100m`, `1.5Gi`, `2`, `1e3`) as a number, for Polaris'
/// `resourceMinimum` and `resourceMaximum`.
package enum ResourceQuantity {
    private static let suffixes: [(String, Double)] = [
        ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
        ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
        ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15),
        ("E", 1e18),
    ]

    package static func parse(_ text: String) -> Double? {
        let text = text.trimmingSpaces
        guard !text.isEmpty, text.count <= 64 else { return nil }
        for (suffix, factor) in suffixes where text.hasSuffix(suffix) {
            return number(String(text.dropLast(suffix.count))).map { $0 * factor }
        }
        return number(text)
    }

    /// A signed decimal with an optional `e`/`E` exponent, nothing else.
    private static func number(_ text: String) -> Double? {
        guard !text.isEmpty else { return nil }
        let allowed = Set("0123456789.+-eE")
        guard text.allSatisfy({ allowed.contains($0) }), text.contains(where: \.isNumber) else { return nil }
        return Double(text)
    }
}

extension String {
    var trimmingSpaces: String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view = view.dropFirst() }
        while view.last?.isWhitespace == true { view = view.dropLast() }
        return String(view)
    }
}
