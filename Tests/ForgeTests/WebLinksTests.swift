import Forge
import Foundation
import Testing

/// Links into the forges' web views, as each forge writes a file at a commit.
@Suite struct WebLinksTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var kind: ForgeKind
        var instance: String
        var expected: String
        var testDescription: String { "\(kind.rawValue) \(instance)" }
    }

    static let cases = [
        Case(
            kind: .github, instance: "https://github.com",
            expected: "https://github.com/acme/shop/blob/abc123/apps/web%20app/deploy.yaml#L12"),
        Case(
            kind: .github, instance: "https://ghe.example.com",
            expected: "https://ghe.example.com/acme/shop/blob/abc123/apps/web%20app/deploy.yaml#L12"),
        Case(
            kind: .gitea, instance: "https://gitea.example.com/",
            expected: "https://gitea.example.com/acme/shop/src/commit/abc123/apps/web%20app/deploy.yaml#L12"),
        Case(
            kind: .gitlab, instance: "https://gitlab.example.com",
            expected: "https://gitlab.example.com/acme/shop/-/blob/abc123/apps/web%20app/deploy.yaml#L12"),
        Case(
            kind: .gitlab, instance: "http://127.0.0.1:8929/gitlab/api/v4",
            expected: "http://127.0.0.1:8929/gitlab/acme/shop/-/blob/abc123/apps/web%20app/deploy.yaml#L12"),
    ]

    @Test(arguments: cases)
    func aFileAtACommitLinksToTheForgesBlobView(_ example: Case) throws {
        let endpoint = ForgeEndpoint(
            kind: example.kind, apiRoot: try ForgeEndpoint.apiRoot(kind: example.kind, instance: example.instance),
            authentication: .token("t"))
        #expect(
            endpoint.blobURL(repository: "acme/shop", commit: "abc123", file: "apps/web app/deploy.yaml", line: 12)
                == example.expected)
    }

    @Test func aFileNameCannotEndTheLinksPathEarly() throws {
        let endpoint = ForgeEndpoint(
            kind: .github, apiRoot: URL(string: "https://api.github.com")!, authentication: .token("t"))
        #expect(
            endpoint.blobURL(repository: "acme/shop", commit: "c", file: "a#b?c%d.yaml", line: nil)
                == "https://github.com/acme/shop/blob/c/a%23b%3Fc%25d.yaml")
    }
}
