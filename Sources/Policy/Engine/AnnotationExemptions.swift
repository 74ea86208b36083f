import Manifests

/// Exemptions written on the object itself: Polaris' annotations, and Shipshape's own
/// with the same meaning (whose value may be the reason instead of `true`).
///
/// A Kyverno rule's id, `kyverno:<policy>/<rule>`, cannot end an annotation key (no `:` or `/`):
/// it is spelled `kyverno.<policy>.<rule>`, and `kyverno.<policy>` exempts every rule of the
/// policy (`shipshape.dev/kyverno.disallow-latest-tag.require-image-tag-exempt`). Polaris does not
/// know Kyverno, so only Shipshape's own prefix takes these.
package enum AnnotationExemptions {
    package static func exempts(_ annotations: [String: String], checkID: String) -> Bool {
        guard !annotations.isEmpty else { return false }
        if isTrue(annotations["polaris.fairwinds.com/exempt"]) { return true }
        if isExemptReason(annotations["shipshape.dev/exempt"]) { return true }
        if let kyverno = KyvernoRuleName(checkID) {
            return isExemptReason(annotations["shipshape.dev/kyverno.\(kyverno.policy).\(kyverno.rule)-exempt"])
                || isExemptReason(annotations["shipshape.dev/kyverno.\(kyverno.policy)-exempt"])
        }
        if isTrue(annotations["polaris.fairwinds.com/\(checkID)-exempt"]) { return true }
        return isExemptReason(annotations["shipshape.dev/\(checkID)-exempt"])
    }

    /// The annotation that exempts an object from one check (what `/shipshape ignore` writes),
    /// or why there is none: Kubernetes refuses a key whose name (after the `/`) is longer than
    /// 63 characters or holds other characters than letters, digits, `-`, `_` and `.`.
    package static func annotation(for checkID: String) -> Result<String, InvalidKey> {
        let name = KyvernoRuleName(checkID).map { "kyverno.\($0.policy).\($0.rule)" } ?? checkID
        let key = "shipshape.dev/\(name)-exempt"
        let allowed = name + "-exempt"
        guard allowed.count <= 63 else {
            return .failure(
                InvalidKey(key: key, reason: "its name is \(allowed.count) characters; Kubernetes allows 63"))
        }
        guard let first = allowed.first, let last = allowed.last, first.isASCIIAlphanumeric, last.isASCIIAlphanumeric,
            allowed.allSatisfy({ $0.isASCIIAlphanumeric || "-_.".contains($0) })
        else {
            return .failure(
                InvalidKey(key: key, reason: "Kubernetes allows only letters, digits, `-`, `_` and `.` in it"))
        }
        return .success(key)
    }

    package struct InvalidKey: Error, Sendable, Equatable, CustomStringConvertible {
        package var key: String
        package var reason: String
        package var description: String { "`\(key)` cannot be an annotation key: \(reason)" }
    }

    /// `kyverno:<policy>/<rule>` taken apart.
    struct KyvernoRuleName {
        var policy: Substring
        var rule: Substring

        init?(_ checkID: String) {
            guard checkID.hasPrefix("kyverno:"), let slash = checkID.firstIndex(of: "/") else { return nil }
            policy = checkID[checkID.index(checkID.startIndex, offsetBy: 8)..<slash]
            rule = checkID[checkID.index(after: slash)...]
        }
    }

    /// The annotations that exempt the object from something, with their values (the reason,
    /// or `true`): what a review lists when a change adds one.
    package static func exempting(_ annotations: [String: String]) -> [String: String] {
        annotations.filter { key, value in
            switch owner(ofExemptionKey: key) {
            case .polaris: isTrue(value)
            case .shipshape: isExemptReason(value)
            case nil: false
            }
        }
    }

    /// Whether an annotation's key is one that can exempt (`<prefix>/exempt` or
    /// `<prefix>/...-exempt`, for Polaris' prefix or Shipshape's), whatever its value: the one
    /// definition the exemptions and what is kept of an object for them share.
    package static func isExemptionKey(_ key: String) -> Bool {
        owner(ofExemptionKey: key) != nil
    }

    private enum Owner {
        /// `polaris.fairwinds.com/`: exempts when `true`.
        case polaris
        /// `shipshape.dev/`: exempts when `true` or a reason.
        case shipshape
    }

    private static func owner(ofExemptionKey key: String) -> Owner? {
        let owner: Owner
        let name: Substring
        if key.hasPrefix("polaris.fairwinds.com/") {
            (owner, name) = (.polaris, key.dropFirst("polaris.fairwinds.com/".count))
        } else if key.hasPrefix("shipshape.dev/") {
            (owner, name) = (.shipshape, key.dropFirst("shipshape.dev/".count))
        } else {
            return nil
        }
        return name == "exempt" || name.hasSuffix("-exempt") ? owner : nil
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

extension Character {
    fileprivate var isASCIIAlphanumeric: Bool { isASCII && (isLetter || isNumber) }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
