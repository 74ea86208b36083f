import Manifests

/// Exemptions written on the object itself: Polaris' annotations, and Shipshape's own
/// with the same meaning (whose value may be the reason instead of `true`).
public enum AnnotationExemptions {
    public static func exempts(_ annotations: [String: String], checkID: String) -> Bool {
        guard !annotations.isEmpty else { return false }
        if isTrue(annotations["polaris.fairwinds.com/exempt"]) { return true }
        if isTrue(annotations["polaris.fairwinds.com/\(checkID)-exempt"]) { return true }
        if isExemptReason(annotations["shipshape.dev/exempt"]) { return true }
        return isExemptReason(annotations["shipshape.dev/\(checkID)-exempt"])
    }

    /// The annotations that exempt the object from something, with their values (the reason,
    /// or `true`): what a review lists when a change adds one.
    public static func exempting(_ annotations: [String: String]) -> [String: String] {
        annotations.filter { key, value in
            if key == "polaris.fairwinds.com/exempt"
                || (key.hasPrefix("polaris.fairwinds.com/") && key.hasSuffix("-exempt"))
            {
                return isTrue(value)
            }
            return (key == "shipshape.dev/exempt" || (key.hasPrefix("shipshape.dev/") && key.hasSuffix("-exempt")))
                && isExemptReason(value)
        }
    }

    private static func isTrue(_ value: String?) -> Bool {
        value?.lowercased() == "true"
    }

    /// `true`, or any reason text; `false` and an empty value do not exempt.
    private static func isExemptReason(_ value: String?) -> Bool {
        guard let value = value?.trimmingWhitespace, !value.isEmpty else { return false }
        return value.lowercased() != "false"
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
