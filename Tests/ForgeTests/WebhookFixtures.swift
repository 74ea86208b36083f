import Forge
import Foundation
import JSONKit
import ShipshapeTesting

/// The forges' example deliveries in shared/forge, read as the exact bytes stored, and the headers
/// each forge would send with them.
enum WebhookFixtures {
    static let secret = "shipshape-test-secret"

    static func body(_ relativePath: String) throws -> Data {
        try Data(contentsOf: SharedData.forge.appending(path: relativePath))
    }

    static func json(_ relativePath: String) throws -> JSONValue {
        try JSONValue(jsonData: body(relativePath))
    }

    /// The `.json` files under a folder of shared/forge, as paths relative to that folder, sorted.
    static func payloadFiles(under folder: String) throws -> [String] {
        let root = SharedData.forge.appending(path: folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .map { String($0.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)) }
            .sorted()
    }

    static func gitHubHeaders(event: String, body: Data, delivery: String = "72d3162e-cc78-11e3-81ab-4c9367dc0958")
        -> [String: String]
    {
        WebhookSigner.headers(forge: .github, body: body, secret: secret).merging([
            "x-github-event": event, "x-github-delivery": delivery, "content-type": "application/json",
        ]) { signed, _ in signed }
    }

    static func giteaHeaders(
        event: String, type: String? = nil, body: Data, delivery: String = "f6266f16-1bf3-46a5-9ea4-602e06ead473"
    ) -> [String: String] {
        var headers = WebhookSigner.headers(forge: .gitea, body: body, secret: secret)
        headers["x-gitea-event"] = event
        headers["x-gitea-event-type"] = type ?? event
        headers["x-gitea-delivery"] = delivery
        return headers
    }

    static func gitLabHeaders(event: String, idempotencyKey: String = "f5e5f430-f57b-4e6e-9fac-d9128cd7232f")
        -> [String: String]
    {
        [
            "x-gitlab-event": event, "x-gitlab-token": secret, "idempotency-key": idempotencyKey,
            "x-gitlab-event-uuid": "13792a34-cac6-4fda-95a8-c58e00a3954e",
            "x-gitlab-webhook-uuid": "02affd2d-2cba-4033-917d-ec22d5dc4b38",
        ]
    }
}

extension JSONValue {
    /// A copy with the value at a dotted path replaced (objects on the way are created).
    func setting(_ path: String, to value: JSONValue) -> JSONValue {
        let keys = path.split(separator: ".").map(String.init)
        guard let first = keys.first else { return value }
        var members: [String: JSONValue] = [:]
        if case .object(let existing) = self { members = existing }
        let rest = keys.dropFirst().joined(separator: ".")
        members[first] = rest.isEmpty ? value : (members[first] ?? .object([:])).setting(rest, to: value)
        return .object(members)
    }
}
