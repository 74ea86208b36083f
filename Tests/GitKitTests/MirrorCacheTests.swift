import Foundation
import ShipshapeTesting
import Testing

@testable import GitKit

/// The mirror cache against real Git servers on loopback: `git daemon`, `git http-backend`
/// behind basic auth, and `file://`.
@Suite struct MirrorCacheTests {
    @Test func firstUseClonesThenFetchesOnlyWhatIsNew() async throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("shop")
        for index in 0..<20 {
            try fixture.write("kind: ConfigMap\nindex: \(index)\n", to: "apps/cm-\(index).yaml", in: upstream.work)
        }
        let first = try fixture.commitAndPush(upstream.work, message: "first")
        let url = try fixture.startDaemon() + "/shop.git"
        let cache = MirrorCache(directory: fixture.path("cache"))

        let clone = try await cache.withMirror(of: url) { repository, stats in
            (try repository.commit("refs/heads/main"), stats)
        }
        #expect(clone.0.hex == first)
        #expect((clone.1?.receivedObjects ?? 0) >= 22, "the first use clones: 20 blobs, 2 trees, 1 commit")

        let unchanged = try await cache.withMirror(of: url) { _, stats in stats }
        #expect(unchanged?.receivedObjects == 0, "nothing new, nothing transferred")

        try fixture.write("kind: ConfigMap\nindex: changed\n", to: "apps/cm-3.yaml", in: upstream.work)
        let second = try fixture.commitAndPush(upstream.work, message: "second")
        let incremental = try await cache.withMirror(of: url) { repository, stats in
            (try repository.commit("refs/heads/main"), stats)
        }
        #expect(incremental.0.hex == second)
        #expect(incremental.1?.receivedObjects == 4, "one commit, two trees and one blob: only the new objects")
    }

    /// Branches and tags by default; the refs where a forge keeps pull requests' heads when the
    /// caller (who knows the forge) names them.
    @Test func theRefsTheCallerNamesAreMirrored() async throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("app")
        try fixture.write("a: 1\n", to: "a.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "base")
        try fixture.git("checkout", "-q", "-b", "feature", in: upstream.work)
        try fixture.write("a: 2\n", to: "a.yaml", in: upstream.work)
        let head = try fixture.commitAndPush(
            upstream.work, message: "change",
            refspecs: ["feature:refs/pull/7/head", "feature:refs/merge-requests/8/head"])
        let url = "file://" + upstream.bare
        let cache = MirrorCache(directory: fixture.path("cache"))
        let byDefault = try await cache.withMirror(of: url) { repository, _ in
            (try? repository.commit("refs/pull/7/head")) == nil
        }
        #expect(byDefault, "no forge's refs unless asked for")
        let refspecs =
            Repository.branchAndTagRefspecs + [
                "+refs/pull/*/head:refs/pull/*/head", "+refs/merge-requests/*/head:refs/merge-requests/*/head",
            ]
        let refs = try await cache.withMirror(of: url, refspecs: refspecs) { repository, _ in
            (try repository.commit("refs/pull/7/head"), try repository.commit("refs/merge-requests/8/head"))
        }
        #expect(refs.0.hex == head && refs.1.hex == head)
    }

    @Test func tokensGoOverHTTPSBasicAuthAndStayOutOfTheCache() async throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("private")
        try fixture.write("a: 1\n", to: "a.yaml", in: upstream.work)
        let first = try fixture.commitAndPush(upstream.work, message: "base")
        let url = try fixture.startHTTPServer(token: "s3cret-token") + "/private.git"
        let cache = MirrorCache(directory: fixture.path("cache"))

        let fetched = try await cache.withMirror(of: url, credentials: GitCredentials(token: "s3cret-token")) {
            repository, _ in
            try repository.commit("refs/heads/main")
        }
        #expect(fetched.hex == first)

        try fixture.write("a: 2\n", to: "a.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "second")
        await #expect {
            try await cache.withMirror(of: url, credentials: GitCredentials(token: "wrong-token")) { _, _ in () }
        } throws: { error in
            guard let error = error as? GitError else { return false }
            return error.kind == .authentication && !error.description.contains("wrong-token")
                && error.description.contains(url)
        }
        let afterFailure = try await cache.withMirror(of: url, fetch: false) { repository, _ in
            try repository.commit("refs/heads/main")
        }
        #expect(afterFailure.hex == first, "a refused fetch leaves the cache as it was")

        let mirror = cache.mirrorPath(for: url)
        let config = try String(contentsOfFile: mirror + "/config", encoding: .utf8)
        #expect(
            !config.contains("s3cret-token") && !config.contains("127.0.0.1"),
            "neither the URL nor the token is written into the mirror")
    }

    @Test func jobsOnOneMirrorTakeTurns() async throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let upstream = try fixture.makeUpstream("busy")
        try fixture.write("a: 1\n", to: "a.yaml", in: upstream.work)
        try fixture.commitAndPush(upstream.work, message: "base")
        let url = "file://" + upstream.bare
        let cache = MirrorCache(directory: fixture.path("cache"))
        let inside = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    try await cache.withMirror(of: url) { repository, _ in
                        #expect(inside.enter() == 1, "two jobs were inside the same mirror at once")
                        _ = try repository.files(at: try repository.commit("refs/heads/main"))
                        usleep(20_000)
                        inside.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test func urlsWithCredentialsAreRedacted() {
        #expect(redactedURL("https://user:tok@github.com/org/repo.git") == "https://github.com/org/repo.git")
        #expect(redactedURL("https://github.com/org/repo.git") == "https://github.com/org/repo.git")
        #expect("\(GitCredentials(token: "abc"))".contains("abc") == false)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func enter() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
    func leave() { lock.withLock { value -= 1 } }
}
