import Foundation
import ShipshapeTesting
import Testing

/// Builds requests for `TestForgeState.handle` and reads its answers, without a network.
struct ForgeClient {
    let state: TestForgeState
    var authorization: [(name: String, value: String)]

    static let patch = """
        @@ -1,4 +1,5 @@
         apiVersion: apps/v1
         kind: Deployment
        +metadata:
         spec:
           replicas: 1
        @@ -20,3 +21,4 @@
         a
         b
        +c
         d
        """

    static let files = [TestForgeState.SeededFile(path: "deploy/app.yaml", patch: patch)]

    struct Answer {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: Data

        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var list: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }

        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    func reply(
        _ method: String, _ path: String, query: String = "", json: Any? = nil,
        headers: [(name: String, value: String)] = []
    ) -> ServerReply {
        let body = json.flatMap { try? JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let contentType: [(name: String, value: String)] = json == nil ? [] : [("Content-Type", "application/json")]
        return state.handle(
            ReceivedRequest(
                method: method, path: path, query: query, headers: authorization + contentType + headers, body: body))
    }

    /// Sends a request and expects a normal answer.
    func send(
        _ method: String, _ path: String, query: String = "", json: Any? = nil,
        headers: [(name: String, value: String)] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Answer {
        switch reply(method, path, query: query, json: json, headers: headers) {
        case .respond(let response), .respondAfter(_, let response), .trickle(let response, _, _),
            .stall(let response, _):
            return Answer(status: response.status, headers: response.headers, body: response.body)
        case .dropConnection:
            Issue.record("\(method) \(path): connection dropped", sourceLocation: sourceLocation)
            return Answer(status: 0, headers: [], body: Data())
        }
    }

    func withoutToken() -> ForgeClient { ForgeClient(state: state, authorization: []) }
}

/// The query string of a Link header's `rel` target.
func linkQuery(_ link: String?, rel: String) -> String? {
    guard let link else { return nil }
    for part in link.split(separator: ",") where part.contains("rel=\"\(rel)\"") {
        guard let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">") else { continue }
        let url = part[part.index(after: open)..<close]
        return url.split(separator: "?", maxSplits: 1).last.map(String.init)
    }
    return nil
}
