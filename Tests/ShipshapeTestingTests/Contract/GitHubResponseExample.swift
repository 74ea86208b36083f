import Foundation
import JSONKit
import JSONSchema
import ShipshapeTesting

/// One response example of GitHub's description (`components/examples/*`) with the operation
/// and status that reference it, found by walking the operations' responses.
struct GitHubResponseExample: Sendable, CustomStringConvertible {
    var operation: String
    var method: String
    var path: String
    var status: Int
    var example: String
    var value: JSONValue

    var description: String { "\(operation) \(status) \(example)" }

    static let description: JSONValue? = try? JSONValue(
        jsonData:
            Data(contentsOf: SharedData.forge.appending(path: "github/openapi-subset.json")))

    /// Every example reference under `paths.*.*.responses.*.content.*.examples`, resolved.
    static let all: [GitHubResponseExample] = {
        guard let document = description, let paths = document["paths"]?.objectValue else { return [] }
        var found: [GitHubResponseExample] = []
        for (template, item) in paths.sorted(by: { $0.key < $1.key }) {
            for (method, operation) in (item.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                for (status, response) in operation["responses"]?.objectValue ?? [:] {
                    for (_, media) in response["content"]?.objectValue ?? [:] {
                        for (_, reference) in media["examples"]?.objectValue ?? [:] {
                            guard let ref = reference["$ref"]?.stringValue,
                                let name = ref.split(separator: "/").last.map(String.init),
                                let value = document["components"]?["examples"]?[name]?["value"],
                                let code = Int(status)
                            else { continue }
                            found.append(
                                GitHubResponseExample(
                                    operation: operation["operationId"]?.stringValue ?? "?",
                                    method: method.uppercased(),
                                    path: concretePath(template), status: code, example: name, value: value))
                        }
                    }
                }
            }
        }
        return found.sorted { $0.description < $1.description }
    }()

    /// The template with its variables filled (`{ref}` with a slash, as clients send it).
    static func concretePath(_ template: String) -> String {
        template.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            switch segment {
            case "{owner}": "octocat"
            case "{repo}": "hello-world"
            case "{ref}": "heads/feature-a"
            case "{sha}": "6dcb09b5b57875f334f61aebed695e2e4193db5e"
            default: segment.hasPrefix("{") ? "42" : String(segment)
            }
        }.joined(separator: "/")
    }
}
