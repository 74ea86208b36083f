/// How Kubernetes' YAML reader (YAML 1.1 rules for plain scalars) reads a scalar's text.
extension YAMLScalar {
    package var isNull: Bool {
        guard style == .plain, tag == nil else { return tag == "tag:yaml.org,2002:null" }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    package var bool: Bool? {
        guard style == .plain else { return nil }
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": return false
        default: return nil
        }
    }

    package var int: Int? {
        guard style == .plain else { return nil }
        if let value = Int(text) { return value }
        if text.hasPrefix("+"), let value = Int(text.dropFirst()) { return value }
        return nil
    }

    /// Booleans written as strings (`"true"`), which annotations must use.
    package var isTrueLike: Bool {
        if let bool { return bool }
        return text.lowercased() == "true"
    }
}
