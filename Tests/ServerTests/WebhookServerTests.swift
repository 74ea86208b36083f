import Bot
import Forge
import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

/// The webhook endpoints with the forges' official example payloads, signed with a test secret
/// (by openssl), through a real HTTP client, into a real SQLite queue.
@Suite struct WebhookServerTests {
    /// What each GitHub example must come to: 202 stores a job, 204 is understood and ignored.
    /// A re-run check stores a review only when the payload names a pull request.
    static func expectedStatus(event: String, file: String, body: Data) -> Int {
        switch event {
        case "pull_request": return file.hasPrefix("closed") ? 204 : 202
        case "check_run", "check_suite":
            let json = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
            let check = (json?["check_run"] ?? json?["check_suite"]) as? [String: Any]
            let pulls = (check?["pull_requests"] as? [Any]) ?? []
            return file.hasPrefix("rerequested") && !pulls.isEmpty ? 202 : 204
        default: return 204
        }
    }

    @Test func everyOfficialGitHubExampleIsAcceptedOrIgnoredAsItsEventDeserves() async throws {
        let server = try await RunningServer()
        var stored = 0
        for (event, file) in try WebhookExamples.githubFiles() {
            let body = try WebhookExamples.data("github/webhooks/\(event)/\(file)")
            let response = try await server.deliverGitHub(event: event, body: body)
            let expected = Self.expectedStatus(event: event, file: file, body: body)
            #expect(
                response.status == expected,
                "\(event)/\(file): \(response.status) \(String(decoding: response.body, as: UTF8.self))")
            if expected == 202 { stored += 1 }
        }
        #expect(stored >= 6)
        // Examples of one pull request at one head ask for the same review: it is queued once.
        let jobs = try await server.jobs()
        #expect(jobs >= 1 && jobs <= stored)
        await server.stop()
    }

    @Test func installationEventsAreRemembered() async throws {
        let server = try await RunningServer()
        let body = try WebhookExamples.data("github/webhooks/installation/created.payload.json")
        #expect(try await server.deliverGitHub(event: "installation", body: body).status == 204)
        let json = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let id = try #require((json["installation"] as? [String: Any])?["id"] as? Int)
        let first = try #require((json["repositories"] as? [[String: Any]])?.first?["full_name"] as? String)
        #expect(try await server.queue.installation(for: try #require(RepositoryID(first))) == id)

        let deleted = try WebhookExamples.data("github/webhooks/installation/deleted.payload.json")
        #expect(try await server.deliverGitHub(event: "installation", body: deleted).status == 204)
        let deletedID = try #require(
            ((try JSONSerialization.jsonObject(with: deleted) as? [String: Any])?["installation"] as? [String: Any])?[
                "id"] as? Int)
        if deletedID == id {
            #expect(try await server.queue.installation(for: try #require(RepositoryID(first))) == nil)
        }
        await server.stop()
    }

    @Test func aRedeliveryIsAcknowledgedAndStoresNothingNew() async throws {
        let server = try await RunningServer()
        let body = try WebhookExamples.data("github/webhooks/pull_request/opened.payload.json")
        let first = try await server.deliverGitHub(
            event: "pull_request", body: body, delivery: "72d3162e-cc78-11e3-81ab-4c9367dc0958")
        let again = try await server.deliverGitHub(
            event: "pull_request", body: body, delivery: "72d3162e-cc78-11e3-81ab-4c9367dc0958")
        #expect(first.status == 202 && again.status == 202)
        #expect(String(decoding: again.body, as: UTF8.self).contains("seen before"))
        #expect(try await server.jobs() == 1)
        await server.stop()
    }

    @Test func forgedTruncatedAndUnsignedDeliveriesAreRefused() async throws {
        let server = try await RunningServer()
        let body = try WebhookExamples.data("github/webhooks/pull_request/opened.payload.json")
        let good = try "sha256=" + OpenSSLTool.hmacSHA256(key: RunningServer.secret, data: body)
        let wrongSecret = try "sha256=" + OpenSSLTool.hmacSHA256(key: "not-the-secret", data: body)
        var flipped = body
        flipped[100] ^= 0x01
        #expect(try await server.deliverGitHub(event: "pull_request", body: body, signature: wrongSecret).status == 401)
        #expect(try await server.deliverGitHub(event: "pull_request", body: flipped, signature: good).status == 401)
        #expect(
            try await server.deliverGitHub(event: "pull_request", body: body.prefix(body.count / 2), signature: good)
                .status == 401)
        #expect(
            try await server.deliverGitHub(
                event: "pull_request", body: body, signature: "sha1=7d38cdd689735b008b3c702edd92eea23791c5f6"
            ).status == 401)
        let unsigned = try await server.post(
            "/webhooks/github", headers: ["X-GitHub-Event": "pull_request", "X-GitHub-Delivery": "d-1"], body: body)
        #expect(unsigned.status == 401)
        #expect(try await server.jobs() == 0)
        let metrics = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
        #expect(
            metrics.contains(#"shipshape_webhooks_total{forge="github",event="unverified",outcome="refused"} 5"#),
            "\(metrics)")
        await server.stop()
    }

    @Test func giteaAndGitLabDeliveriesAreVerifiedTheirWay() async throws {
        let server = try await RunningServer(routing: EventRouting(scanDefaultBranch: true))
        let push = try WebhookExamples.data("gitea/webhooks/push/docs-2021.push.json")
        let signature = try OpenSSLTool.hmacSHA256(key: RunningServer.secret, data: push)
        #expect(
            signature == "ad2884635c9753b882e1130af0d8551aa94b5a760e9d89ed977e529eeb35ad29", "the README's test vector")
        let gitea = try await server.post(
            "/webhooks/gitea",
            headers: [
                "X-Gitea-Event": "push", "X-Gitea-Event-Type": "push",
                "X-Gitea-Delivery": "gitea-1", "X-Gitea-Signature": signature,
            ], body: push)
        #expect(gitea.status == 202 || gitea.status == 204, "\(gitea.status)")
        let forged = try await server.post(
            "/webhooks/gitea",
            headers: [
                "X-Gitea-Event": "push", "X-Gitea-Delivery": "gitea-2",
                "X-Gitea-Signature": String(repeating: "0", count: 64),
            ], body: push)
        #expect(forged.status == 401)

        let mergeRequest = try WebhookExamples.data("gitlab/webhooks/docs/merge_request/merge_request.open.json")
        let gitlab = try await server.post(
            "/webhooks/gitlab",
            headers: [
                "X-Gitlab-Event": "Merge Request Hook", "X-Gitlab-Token": RunningServer.secret,
                "X-Gitlab-Event-UUID": "gl-1",
            ], body: mergeRequest)
        #expect(gitlab.status == 202)
        let wrongToken = try await server.post(
            "/webhooks/gitlab",
            headers: [
                "X-Gitlab-Event": "Merge Request Hook", "X-Gitlab-Token": "guess",
                "X-Gitlab-Event-UUID": "gl-2",
            ], body: mergeRequest)
        #expect(wrongToken.status == 401)
        await server.stop()
    }

    @Test func oversizedDeliveriesUnknownForgesAndHealth() async throws {
        let server = try await RunningServer(maximumBodyBytes: 4_096)
        let big = Data(repeating: UInt8(ascii: " "), count: 10_000)
        #expect(try await server.deliverGitHub(event: "push", body: big).status == 413)
        #expect(try await server.post("/webhooks/bitbucket", headers: [:], body: Data("{}".utf8)).status == 404)
        #expect(try await server.get("/healthz").status == 200)
        #expect(try await server.get("/readyz").status == 200)
        let metrics = try await server.get("/metrics")
        #expect(metrics.status == 200)
        #expect(String(decoding: metrics.body, as: UTF8.self).contains("shipshape_queue_jobs"))
        await server.stop()
    }

    @Test func aCommandCommentBecomesACommandJobAndOtherCommentsDoNot() async throws {
        let server = try await RunningServer()
        let original = try WebhookExamples.data("github/webhooks/issue_comment/created.payload.json")
        let plain = try await server.deliverGitHub(event: "issue_comment", body: original)
        #expect(plain.status == 204)
        // The same delivery with a command as the comment (re-serialised, and signed as sent).
        var json = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        var comment = try #require(json["comment"] as? [String: Any])
        comment["body"] = "/shipshape fix runAsPrivileged"
        json["comment"] = comment
        var issue = try #require(json["issue"] as? [String: Any])
        if issue["pull_request"] == nil { issue["pull_request"] = ["url": "https://api.github.com/repos/o/r/pulls/1"] }
        json["issue"] = issue
        let command = try JSONSerialization.data(withJSONObject: json)
        let accepted = try await server.deliverGitHub(event: "issue_comment", body: command)
        #expect(accepted.status == 202, "\(String(decoding: accepted.body, as: UTF8.self))")
        let leased = try #require(try await server.queue.lease(owner: "test", for: .seconds(60), kinds: [.command]))
        let payload = try JobPayload.decode(leased.record.payload, kind: .command)
        #expect(payload.command?.body == "/shipshape fix runAsPrivileged")
        await server.stop()
    }
}

/// The dashboard is off unless configured: a server made without it has no dashboard routes.
@Suite struct DashboardOffTests {
    @Test func withoutADashboardSectionItsPagesDoNotExist() async throws {
        let server = try await RunningServer()
        #expect(try await server.get("/dashboard/").status == 404)
        #expect(try await server.get("/dashboard/jobs").status == 404)
        await server.stop()
    }
}
