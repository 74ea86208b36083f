import Foundation

/// A parsed delivery body with lookups by dotted path ("pull_request.head.sha"). The throwing lookups
/// are for fields an event cannot do without; their error names the path and the delivery.
struct WebhookPayload {
    let forge: ForgeKind
    let delivery: String
    let event: String
    let root: JSON

    init(forge: ForgeKind, delivery: String, event: String, body: Data) throws {
        self.forge = forge
        self.delivery = delivery
        self.event = event
        let parsed: JSON
        do {
            parsed = try JSON.parse(body)
        } catch {
            throw WebhookError.unreadableBody(
                forge: forge, delivery: delivery, event: event, reason: Self.describe(error, size: body.count))
        }
        guard case .object = parsed else {
            let reason = body.isEmpty ? "the body is empty" : "the top level is not an object"
            throw WebhookError.unreadableBody(forge: forge, delivery: delivery, event: event, reason: reason)
        }
        root = parsed
    }

    /// The value at `path`, `nil` when any step is absent or JSON `null`.
    subscript(path: String) -> JSON? {
        var value: JSON? = root
        for key in path.split(separator: ".") { value = value?[String(key)] }
        return value?.isNull == true ? nil : value
    }

    func string(_ path: String) throws -> String {
        guard case .string(let text)? = self[path] else { throw missing(path, expected: "string") }
        return text
    }

    func int(_ path: String) throws -> Int {
        guard let value = self[path], case .number = value, let number = value.int else {
            throw missing(path, expected: "integer")
        }
        return number
    }

    /// An id the forge sends as a number (GitHub, GitLab) or a string, as text.
    func identifier(_ path: String) throws -> String {
        guard let text = self[path]?.string else { throw missing(path, expected: "id") }
        return text
    }

    func array(_ path: String) throws -> [JSON] {
        guard let items = self[path]?.array else { throw missing(path, expected: "array") }
        return items
    }

    /// `owner/name` (GitLab: `group/sub/name`) at `path`.
    func repository(_ path: String) throws -> RepositoryID {
        guard let fullName = self[path]?.string, let repository = RepositoryID(fullName) else {
            throw missing(path, expected: "repository path 'owner/name'")
        }
        return repository
    }

    /// The numbers of a list of pull-request objects (`[{"number": 2, ...}]`).
    func numbers(_ path: String) throws -> [Int] {
        try array(path).enumerated().map { index, item in
            guard let number = item["number"]?.int else {
                throw missing("\(path).\(index).number", expected: "integer")
            }
            return number
        }
    }

    /// The `full_name`s of a list of repository objects.
    func repositories(_ path: String) throws -> [RepositoryID] {
        try (self[path]?.array ?? []).enumerated().map { index, item in
            guard let fullName = item["full_name"]?.string, let repository = RepositoryID(fullName) else {
                throw missing("\(path).\(index).full_name", expected: "repository path 'owner/name'")
            }
            return repository
        }
    }

    func missing(_ path: String, expected: String) -> WebhookError {
        .missingField(forge: forge, delivery: delivery, event: event, field: path, expected: expected)
    }

    private static func describe(_ error: any Error, size: Int) -> String {
        let nsError = error as NSError
        let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        return "\(detail); \(size) bytes received"
    }
}
