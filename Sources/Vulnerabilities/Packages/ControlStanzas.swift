import Foundation

/// Debian control-file stanzas (`Field: value`, continuation lines start with a space, stanzas
/// separated by blank lines), as dpkg's status file and distroless' `status.d` files hold them.
/// Only the first line of each field is kept: the fields a scan reads are one line.
enum ControlStanzas {
    static func parse(_ text: String) -> [[String: String]] {
        var stanzas: [[String: String]] = []
        var current: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if !current.isEmpty { stanzas.append(current) }
                current = [:]
                continue
            }
            guard line.first != " ", line.first != "\t", let colon = line.firstIndex(of: ":") else { continue }
            current[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if !current.isEmpty { stanzas.append(current) }
        return stanzas
    }
}
