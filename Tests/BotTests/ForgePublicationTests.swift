import Bot
import Forge
import Foundation
import HTTPKit
import Policy
import Review
import ShipshapeTesting
import Testing

/// The whole path, per forge: a real repository served over HTTP with a token, the stand-in forge
/// holding every request and response to the forge's API description, the bot's real HTTP
/// client (libcurl), and the review published, re-run, and run through faults.
@Suite struct ForgePublicationTests {
    static let flavors: [TestForgeState.Flavor] = [.github, .gitea, .gitlab]

    static func fingerprints(_ comments: [[String: Any]]) -> [String] {
        comments.compactMap { ($0["body"] as? String).flatMap(CommentMarkers.fingerprint(in:)) }
    }

    @Test(arguments: flavors)
    func openedThenPushedThenRerun(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let client = try session.client()

        // Opened: inline comments with suggestions, one summary, a failing verdict.
        let first = try await session.review(with: client)
        let posted = session.inlineComments
        #expect(posted.count == first.plan.newComments.count)
        #expect(posted.count == first.review.comments.count)
        #expect(
            posted.contains {
                ($0["body"] as? String)?.contains(flavor == .gitlab ? "```suggestion:-" : "```suggestion\n") == true
            })
        #expect(
            session.conversationComments.filter { ($0["body"] as? String)?.contains(CommentMarkers.summary) == true }
                .count == 1)
        #expect(session.latestStatus(of: session.scenario.headSHA) == (flavor == .gitlab ? "failed" : "failure"))
        #expect(first.outcome?.postedComments == posted.count)

        // A push that fixes one finding and adds another.
        let fixedAndWorse = PullRequestScenario.problematic
            .replacingOccurrences(of: "privileged: true", with: "privileged: false")
            .replacingOccurrences(of: "      containers:\n", with: "      hostNetwork: true\n      containers:\n")
        try session.push(["apps/shop/web.yaml": fixedAndWorse])
        let second = try await session.review(with: client)
        let afterPush = session.inlineComments
        #expect(second.plan.newComments.map(\.finding.checkID) == ["hostNetworkSet"])
        #expect(afterPush.count == posted.count + 1)
        #expect(Set(Self.fingerprints(afterPush)).count == afterPush.count, "no finding is commented twice")
        let privileged = try #require(
            afterPush.first {
                ($0["body"] as? String).flatMap(CommentMarkers.fingerprint(in:))?.hasPrefix("runAsPrivileged|") == true
            })
        if flavor == .gitlab {
            #expect(privileged["resolved"] as? Bool == true)
        } else {
            #expect((privileged["body"] as? String)?.contains("Fixed in") == true)
        }
        if flavor == .github {
            // Edited, and its thread resolved through GraphQL as well (REST cannot resolve).
            let resolutions = session.forge.state.exchanges.filter {
                $0.request.path == "/graphql"
                    && String(decoding: $0.request.body, as: UTF8.self).contains("resolveReviewThread")
            }
            #expect(resolutions.count == 1)
            #expect(second.outcome?.notes.isEmpty == true, "\(second.outcome?.notes ?? [])")
        }
        let summaries = session.conversationComments.filter {
            ($0["body"] as? String)?.contains(CommentMarkers.summary) == true
        }
        #expect(summaries.count == 1, "the summary is edited in place")
        #expect((summaries.first?["body"] as? String)?.contains("Fixed since the last review") == true)

        // The same head again (a redelivered webhook): nothing new anywhere.
        let third = try await session.review(with: client)
        #expect(third.plan.newComments.isEmpty)
        #expect(third.plan.fixedComments.isEmpty)
        #expect(session.inlineComments.count == afterPush.count)
        #expect(session.conversationComments.count == 1)
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }

    @Test(arguments: flavors)
    func faultsAreRetriedAndNothingIsPostedTwice(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let clock = InstantRetryClock()
        let client = try session.client(clock: clock)
        let (pull, listing, posting) =
            switch flavor {
            case .github:
                (
                    "GET /repos/acme/shop/pulls/1", "GET /repos/acme/shop/issues/1/comments",
                    "POST /repos/acme/shop/pulls/1/reviews"
                )
            case .gitea:
                (
                    "GET /api/v1/repos/acme/shop/pulls/1", "GET /api/v1/repos/acme/shop/issues/1/comments",
                    "POST /api/v1/repos/acme/shop/pulls/1/reviews"
                )
            case .gitlab:
                (
                    "GET /api/v4/projects/acme%2Fshop/merge_requests/1",
                    "GET /api/v4/projects/acme%2Fshop/merge_requests/1/discussions",
                    "POST /api/v4/projects/acme%2Fshop/merge_requests/1/discussions"
                )
            }
        // Each call meets at most two faults, within the client's four attempts.
        session.forge.state.inject(.status(502), matching: pull)
        session.forge.state.inject(.tooManyRequests(retryAfter: 7), matching: pull)
        session.forge.state.inject(.secondaryRateLimit(retryAfter: 61), matching: listing)
        session.forge.state.inject(.dropConnection, matching: listing)
        session.forge.state.inject(.slow(.milliseconds(300)), matching: nil)
        // The forge applies the review and the answer is lost: the client cannot know, so it does
        // not repeat a POST; the job fails clearly and its next run posts only what is missing.
        session.forge.state.inject(.dropConnectionAfterProcessing, matching: posting)
        await #expect(throws: (any Error).self) { _ = try await session.review(with: client) }
        let afterFailure = session.inlineComments.count
        #expect(afterFailure >= 1)
        #expect(clock.sleeps.contains(.seconds(7)), "retry-after was honoured")
        #expect(clock.sleeps.contains(.seconds(61)), "the secondary rate limit's retry-after was honoured")

        let rerun = try await session.review(with: client)
        let comments = session.inlineComments
        #expect(Set(Self.fingerprints(comments)).count == comments.count, "nothing posted twice")
        #expect(comments.count == rerun.review.comments.count)
        #expect(session.conversationComments.count == 1)
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }

    @Test(arguments: flavors)
    func whenRetriesRunOutTheErrorNamesTheCall(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        try session.push(["apps/shop/web.yaml": PullRequestScenario.problematic])
        let client = try session.client()
        session.forge.state.inject(.status(503), times: 10)
        let error = await #expect(throws: HTTPError.self) { _ = try await session.review(with: client) }
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains("127.0.0.1"))
        #expect(text.contains("4 attempts") || text.contains("attempts: 4") || text.contains("after 4"), "\(text)")
        #expect(!text.contains(ForgeSession.botToken))
        #expect(session.inlineComments.isEmpty)
    }

    @Test(arguments: flavors)
    func sixtyFindingsMakeThirtyInlineCommentsAndASummaryOfTheRest(flavor: TestForgeState.Flavor) async throws {
        let session = try ForgeSession(flavor)
        defer { session.shutdown() }
        var files: [String: String?] = [:]
        for index in 1...12 {
            files["apps/shop/web-\(index).yaml"] = PullRequestScenario.problematic
                .replacingOccurrences(of: "name: web\n  namespace", with: "name: web-\(index)\n  namespace")
        }
        try session.push(files)
        let result = try await session.review(with: try session.client())
        #expect(result.review.comments.count >= 60)
        #expect(session.inlineComments.count == 30)
        let summary = try #require(
            session.conversationComments.compactMap { $0["body"] as? String }.first {
                $0.contains(CommentMarkers.summary)
            })
        #expect(summary.contains("### Not commented inline"))
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }

    @Test func aGitHubAppPostsACheckRunWithEveryAnnotation() async throws {
        let session = try ForgeSession(.github, gitToken: false)
        defer { session.shutdown() }
        let key = try OpenSSLTool.generateRSAKey()
        let publicKey = key.publicKey
        session.forge.state.enableGitHubApp(appID: "4242", installationID: 77) {
            OpenSSLTool.verifiesRS256($0, publicKey: publicKey)
        }
        var files: [String: String?] = [:]
        for index in 1...4 {
            files["apps/shop/web-\(index).yaml"] = PullRequestScenario.problematic
                .replacingOccurrences(of: "name: web\n  namespace", with: "name: web-\(index)\n  namespace")
        }
        try session.push(files)
        let client = try session.client(
            authentication: .gitHubApp(appID: "4242", privateKeyPEM: key.privateKey, installationID: nil, slug: nil))
        #expect(client.capabilities.checkRuns)
        let result = try await session.review(with: client)
        let runs = session.forge.state.checkRuns(repository: ForgeSession.repository, sha: session.scenario.headSHA)
        let run = try #require(runs.first)
        #expect(run["conclusion"] as? String == "failure")
        #expect((run["annotations"] as? [Any])?.count == result.review.comments.count)
        #expect(result.review.comments.count > 50, "more than one request's worth of annotations")
        #expect(
            session.inlineComments.allSatisfy {
                (($0["user"] as? [String: Any])?["login"] as? String) == "shipshape[bot]"
            })
        #expect(session.forge.violations.isEmpty, "\(session.forge.violations.joined(separator: "\n"))")
    }
}
