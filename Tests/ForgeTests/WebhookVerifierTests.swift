import Forge
import Foundation
import Testing

/// Signatures and tokens, against the README's test vectors and the ways a delivery can be wrong.
@Suite struct WebhookVerifierTests {
    typealias Fixtures = WebhookFixtures

    // MARK: The README's HMAC-SHA256 vectors

    @Test func gitHubDocumentationVector() {
        let body = Data("Hello, World!".utf8)
        let secret = "It's a Secret to Everybody"
        let expected = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
        #expect(WebhookSigner.hmacSHA256Hex(of: body, secret: secret) == expected)
        #expect(
            WebhookVerifier.verify(
                forge: .github, headers: ["x-hub-signature-256": "sha256=" + expected], body: body, secret: secret)
                == .valid)
    }

    @Test func gitHubPullRequestOpenedVector() throws {
        let body = try Fixtures.body("github/webhooks/pull_request/opened.payload.json")
        let expected = "426540c472de9a363385ab86c64793d66ab401fe8de348d4950b5eba8c407ab9"
        #expect(body.count == 28011)
        #expect(WebhookSigner.hmacSHA256Hex(of: body, secret: Fixtures.secret) == expected)
        #expect(
            WebhookVerifier.verify(
                forge: .github, headers: ["x-hub-signature-256": "sha256=" + expected], body: body,
                secret: Fixtures.secret) == .valid)
    }

    @Test func giteaPushVectorInEachSignatureHeader() throws {
        let body = try Fixtures.body("gitea/webhooks/push/docs-2021.push.json")
        let expected = "ad2884635c9753b882e1130af0d8551aa94b5a760e9d89ed977e529eeb35ad29"
        #expect(body.count == 2028)
        #expect(WebhookSigner.hmacSHA256Hex(of: body, secret: Fixtures.secret) == expected)
        for headers in [
            ["x-gitea-signature": expected], ["x-forgejo-signature": expected], ["x-gogs-signature": expected],
            ["x-hub-signature-256": "sha256=" + expected],
        ] {
            #expect(
                WebhookVerifier.verify(forge: .gitea, headers: headers, body: body, secret: Fixtures.secret) == .valid,
                "\(headers.keys)")
        }
    }

    // MARK: GitHub refusals

    static let helloBody = Data("Hello, World!".utf8)
    static let helloSecret = "It's a Secret to Everybody"
    static let helloSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"

    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let headers: [String: String]
        let body: Data
        let secret: String
        let reason: String
        var testDescription: String { name }
    }

    static let gitHubRefusals: [Refusal] = [
        Refusal(
            name: "wrong secret", headers: ["x-hub-signature-256": helloSignature], body: helloBody,
            secret: "It's a secret to everybody",
            reason: "X-Hub-Signature-256 does not match the body"),
        Refusal(
            name: "one flipped body byte", headers: ["x-hub-signature-256": helloSignature],
            body: Data("Hello, World?".utf8),
            secret: helloSecret, reason: "X-Hub-Signature-256 does not match the body"),
        Refusal(
            name: "truncated body", headers: ["x-hub-signature-256": helloSignature], body: Data("Hello, Wor".utf8),
            secret: helloSecret, reason: "X-Hub-Signature-256 does not match the body"),
        Refusal(
            name: "missing header", headers: ["x-github-event": "ping"], body: helloBody, secret: helloSecret,
            reason: "missing X-Hub-Signature-256"),
        Refusal(
            name: "SHA-1 only", headers: ["x-hub-signature": "sha1=7d38cdd689735b008b3c702edd92eea23791c5f6"],
            body: helloBody,
            secret: helloSecret, reason: "only SHA-256 signatures are accepted"),
        Refusal(
            name: "no prefix", headers: ["x-hub-signature-256": String(helloSignature.dropFirst(7))], body: helloBody,
            secret: helloSecret, reason: "X-Hub-Signature-256 is malformed"),
        Refusal(
            name: "not hex", headers: ["x-hub-signature-256": "sha256=" + String(repeating: "zz", count: 32)],
            body: helloBody,
            secret: helloSecret, reason: "X-Hub-Signature-256 is malformed"),
        Refusal(
            name: "too short", headers: ["x-hub-signature-256": String(helloSignature.dropLast(2))], body: helloBody,
            secret: helloSecret, reason: "X-Hub-Signature-256 is malformed"),
        Refusal(
            name: "no secret configured", headers: ["x-hub-signature-256": helloSignature], body: helloBody, secret: "",
            reason: "no webhook secret is configured"),
    ]

    @Test(arguments: gitHubRefusals) func gitHubRefuses(_ refusal: Refusal) {
        let result = WebhookVerifier.verify(
            forge: .github, headers: refusal.headers, body: refusal.body, secret: refusal.secret)
        guard case .refused(let reason) = result else {
            Issue.record("\(refusal.name) was accepted")
            return
        }
        #expect(reason.contains(refusal.reason), "\(reason)")
        #expect(!reason.contains("757107ea"), "the refusal gives the expected signature away: \(reason)")
        if !refusal.secret.isEmpty { #expect(!reason.contains(refusal.secret)) }
    }

    @Test func headerNamesAreReadWhateverTheirCase() {
        let headers = [
            "X-Hub-Signature-256": Self.helloSignature.uppercased().replacingOccurrences(of: "SHA256=", with: "sha256=")
        ]
        #expect(
            WebhookVerifier.verify(forge: .github, headers: headers, body: Self.helloBody, secret: Self.helloSecret)
                == .valid)
    }

    @Test func theFullPayloadWithOneFlippedByteIsRefused() throws {
        var body = try Fixtures.body("github/webhooks/pull_request/opened.payload.json")
        let headers = Fixtures.gitHubHeaders(event: "pull_request", body: body)
        body[body.startIndex + 14_000] ^= 0x01
        #expect(WebhookVerifier.verify(forge: .github, headers: headers, body: body, secret: Fixtures.secret) != .valid)
    }

    // MARK: Gitea

    @Test func giteaAcceptsAnyOneValidSignature() throws {
        let body = try Fixtures.body("gitea/webhooks/push/docs-2021.push.json")
        let headers = [
            "x-gitea-signature": String(repeating: "0", count: 64),
            "x-hub-signature-256": "sha256=ad2884635c9753b882e1130af0d8551aa94b5a760e9d89ed977e529eeb35ad29",
        ]
        #expect(WebhookVerifier.verify(forge: .gitea, headers: headers, body: body, secret: Fixtures.secret) == .valid)
    }

    @Test func giteaRefusesWhenNoSignatureMatches() throws {
        let body = try Fixtures.body("gitea/webhooks/push/docs-2021.push.json")
        let headers = WebhookSigner.headers(forge: .gitea, body: body, secret: "another-secret")
        guard
            case .refused(let reason) = WebhookVerifier.verify(
                forge: .gitea, headers: headers, body: body, secret: Fixtures.secret)
        else {
            Issue.record("a delivery signed with another secret was accepted")
            return
        }
        #expect(reason.contains("X-Gitea-Signature does not match"))
        #expect(reason.contains("X-Hub-Signature-256 does not match"))
    }

    @Test func giteaRefusesTheBlankSignaturesItSendsWithoutASecret() throws {
        let body = try Fixtures.body("gitea/webhooks/push/docs-2021.push.json")
        let headers = [
            "x-gitea-signature": "", "x-gogs-signature": "", "x-hub-signature": "sha1=",
            "x-hub-signature-256": "sha256=",
        ]
        guard
            case .refused(let reason) = WebhookVerifier.verify(
                forge: .gitea, headers: headers, body: body, secret: Fixtures.secret)
        else {
            Issue.record("an unsigned Gitea delivery was accepted")
            return
        }
        #expect(reason.hasPrefix("missing signature"))
    }

    @Test func giteaRefusesSHA1Only() throws {
        let body = try Fixtures.body("gitea/webhooks/push/docs-2021.push.json")
        let headers = ["x-hub-signature": "sha1=7ff98ee7ac636d36946f23e891361288dfd30362"]
        guard
            case .refused(let reason) = WebhookVerifier.verify(
                forge: .gitea, headers: headers, body: body, secret: Fixtures.secret)
        else {
            Issue.record("a SHA-1 signature alone was accepted")
            return
        }
        #expect(reason.contains("only SHA-256 signatures are accepted"))
    }

    // MARK: GitLab

    @Test(arguments: [
        ("the secret", Optional("shipshape-test-secret"), true),
        ("another token", "shipshape-test-secreT", false),
        ("a prefix of the secret", "shipshape-test", false),
        ("the secret and more", "shipshape-test-secret-2", false),
        ("no token", nil, false),
    ])
    func gitLabComparesTheToken(_ name: String, token: String?, accepted: Bool) throws {
        let body = try Fixtures.body("gitlab/webhooks/docs/merge_request/merge_request.open.json")
        var headers = ["x-gitlab-event": "Merge Request Hook"]
        headers["x-gitlab-token"] = token
        let result = WebhookVerifier.verify(forge: .gitlab, headers: headers, body: body, secret: Fixtures.secret)
        #expect(result.isValid == accepted, "\(name): \(result)")
        if case .refused(let reason) = result { #expect(!reason.contains(Fixtures.secret), "\(reason)") }
    }
}
