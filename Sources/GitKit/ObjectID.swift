internal import CGit2

/// A Git object id (SHA-1), as a value.
public struct ObjectID: Sendable, Hashable, CustomStringConvertible {
    public let hex: String

    public init?(hex: String) {
        let lower = hex.lowercased()
        guard lower.count == 40, lower.allSatisfy({ $0.isHexDigit }) else { return nil }
        self.hex = lower
    }

    init(_ oid: git_oid) {
        var copy = oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, 41, &copy)
        self.hex = String(cString: buffer)
    }

    var raw: git_oid {
        var oid = git_oid()
        _ = git_oid_fromstr(&oid, hex)
        return oid
    }

    public var description: String { hex }
    public var short: String { String(hex.prefix(7)) }
}
