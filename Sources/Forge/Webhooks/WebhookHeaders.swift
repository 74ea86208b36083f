import Foundation

/// A delivery's headers looked up by name, whatever case the HTTP layer handed them over in.
struct WebhookHeaders {
    private let values: [String: String]

    init(_ headers: [String: String]) {
        values = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
    }

    /// The value of `name`, trimmed; `nil` when absent or blank (Gitea sends blank signatures when no
    /// secret is set).
    subscript(name: String) -> String? {
        guard let value = values[name.lowercased()]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// The first of `names` that has a value: the forges send the same fact under several names.
    func first(of names: [String]) -> String? {
        names.lazy.compactMap { self[$0] }.first
    }
}
