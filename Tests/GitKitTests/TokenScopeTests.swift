import Foundation
import ShipshapeTesting
import Synchronization
import Testing

@testable import GitKit

/// The Git token goes only to the host of the remote URL it was given with.
@Suite struct TokenScopeTests {
    /// Every Authorization header the other host received.
    final class Received: Sendable {
        private let headers = Mutex<[String]>([])
        var all: [String] { headers.withLock { $0 } }
        func add(_ header: String?) { if let header { headers.withLock { $0.append(header) } } }
    }

    @Test func aRedirectToAnotherHostGetsNoToken() throws {
        let received = Received()
        // The other host asks for credentials the way a Git server does and keeps what it is sent.
        let elsewhere = try LoopbackHTTPServer { request in
            received.add(request.header("Authorization"))
            return .respond(ServedResponse(status: 401, headers: [("WWW-Authenticate", "Basic realm=\"git\"")]))
        }
        defer { elsewhere.shutdown() }
        let origin = try LoopbackHTTPServer { request in
            let target =
                elsewhere.baseURL.absoluteString + request.path + (request.query.isEmpty ? "" : "?" + request.query)
            return .respond(ServedResponse(status: 302, headers: [("Location", target)]))
        }
        defer { origin.shutdown() }
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let mirror = try Repository.createBare(at: fixture.path("mirror.git"))

        #expect(throws: GitError.self) {
            try mirror.fetch(
                from: origin.baseURL.absoluteString + "/repo.git", credentials: GitCredentials(token: "s3cret-token"))
        }
        #expect(received.all.isEmpty, "the other host received \(received.all.count) Authorization header(s)")
    }

    @Test func noTokenOverPlainHTTPToAHostNotAllowed() throws {
        let fixture = try GitFixture()
        defer { fixture.shutdown() }
        let mirror = try Repository.createBare(at: fixture.path("mirror.git"))

        let error = try #require(throws: GitError.self) {
            try mirror.fetch(
                from: "http://git.shipshape-test.invalid/repo.git", credentials: GitCredentials(token: "s3cret-token"))
        }
        #expect(error.kind == .authentication)
        #expect(error.description.contains("not sent over plain http to git.shipshape-test.invalid"))
        #expect(!error.description.contains("s3cret-token"))
    }

    @Test func plainHTTPWhenAllowedOrLoopback() {
        #expect(GitCredentials(token: "t").mayTravel(to: URL(string: "http://127.0.0.1:9418/r.git")!))
        #expect(GitCredentials(token: "t").mayTravel(to: URL(string: "https://git.example.com/r.git")!))
        #expect(!GitCredentials(token: "t").mayTravel(to: URL(string: "http://git.example.com/r.git")!))
        #expect(
            GitCredentials(token: "t", plainHTTPHosts: ["git.example.com"]).mayTravel(
                to: URL(string: "http://git.example.com/r.git")!))
        #expect(
            !GitCredentials(token: "t", plainHTTPHosts: ["git.example.com"]).mayTravel(
                to: URL(string: "http://other.example.com/r.git")!))
        #expect(
            !GitCredentials(token: "t").mayTravel(to: URL(string: "http://127.0.0.1.git.example.com/r.git")!),
            "a name starting with 127. is not loopback")
        #expect(GitCredentials(token: "t").mayTravel(to: URL(string: "http://[::1]:3000/r.git")!))
    }

    /// libgit2 names the URL it authenticates for without a default port: a remote written with
    /// one (`https://git.example.com:443/…`, as a forge's clone URL may be) is still its own origin.
    @Test func aDefaultPortWrittenOutIsTheSameOrigin() {
        func same(_ asked: String, _ remote: String) -> Bool {
            RemoteSession.isSameOrigin(URL(string: asked)!, as: URL(string: remote)!)
        }
        #expect(same("https://git.example.com/acme/shop.git", "https://git.example.com:443/acme/shop.git"))
        #expect(same("http://127.0.0.1/repo.git", "http://127.0.0.1:80/repo.git"))
        #expect(same("https://GIT.example.com:443/a.git", "https://git.example.com/a.git"))
        #expect(!same("https://git.example.com:8443/a.git", "https://git.example.com/a.git"))
        #expect(!same("http://git.example.com/a.git", "https://git.example.com/a.git"))
        #expect(!same("http://git.example.com:443/a.git", "https://git.example.com/a.git"))
        #expect(!same("https://elsewhere.example.com/a.git", "https://git.example.com/a.git"))
    }
}
