import Foundation
import HTTPKit
import ShipshapeTesting
import Testing

/// Credentials go only to the origin a request was made for, and never over plain http to a
/// host that is not loopback or allowed.
@Suite struct CredentialScopeTests {
    static let credentials: HTTPHeaders = [
        "Authorization": "Bearer forge-token", "PRIVATE-TOKEN": "gitlab-token", "Cookie": "session=1",
        "X-Trace": "kept",
    ]

    @Test(arguments: [301, 302, 303, 307, 308])
    func aRedirectToAnotherOriginArrivesWithoutCredentials(status: Int) async throws {
        let seenElsewhere = LastSeen<ReceivedRequest>()
        let elsewhere = try LoopbackHTTPServer { request in
            seenElsewhere.record(request)
            return .respond(.text(200, "other host"))
        }
        defer { elsewhere.shutdown() }
        let origin = try LoopbackHTTPServer { _ in
            .respond(
                ServedResponse(
                    status: status, headers: [("Location", elsewhere.baseURL.appending(path: "landing").absoluteString)]
                ))
        }
        defer { origin.shutdown() }

        let response = try await CurlHTTPClient().send(
            HTTPRequest(url: origin.baseURL.appending(path: "start"), headers: Self.credentials))

        #expect(response.text == "other host")
        let arrived = try #require(seenElsewhere.current)
        #expect(arrived.header("Authorization") == nil)
        #expect(arrived.header("PRIVATE-TOKEN") == nil)
        #expect(arrived.header("Cookie") == nil)
        #expect(arrived.header("X-Trace") == "kept")
    }

    @Test func aRedirectWithinTheOriginKeepsCredentials() async throws {
        let seen = LastSeen<ReceivedRequest>()
        let server = try LoopbackHTTPServer { request in
            if request.path == "/old" { return .respond(ServedResponse(status: 301, headers: [("Location", "/new")])) }
            seen.record(request)
            return .respond(.text(200, "moved"))
        }
        defer { server.shutdown() }

        _ = try await CurlHTTPClient().send(
            HTTPRequest(url: server.baseURL.appending(path: "old"), headers: Self.credentials))

        #expect(seen.current?.header("PRIVATE-TOKEN") == "gitlab-token")
        #expect(seen.current?.header("Authorization") == "Bearer forge-token")
    }

    @Test func credentialsStayStrippedWhenARedirectComesBack() async throws {
        let seenBack = LastSeen<ReceivedRequest>()
        let origin = try LoopbackHTTPServer { request in
            seenBack.record(request)
            return .respond(.text(200, "back"))
        }
        defer { origin.shutdown() }
        let bounce = try LoopbackHTTPServer { _ in
            .respond(
                ServedResponse(
                    status: 302, headers: [("Location", origin.baseURL.appending(path: "back").absoluteString)]))
        }
        defer { bounce.shutdown() }

        _ = try await CurlHTTPClient().send(
            HTTPRequest(url: bounce.baseURL, headers: ["PRIVATE-TOKEN": "for-the-bounce-host"]))

        #expect(seenBack.current?.path == "/back")
        #expect(seenBack.current?.header("PRIVATE-TOKEN") == nil)
    }

    @Test func aPostRedirectedWith303BecomesAGetWithoutBody() async throws {
        let seen = LastSeen<ReceivedRequest>()
        let server = try LoopbackHTTPServer { request in
            if request.path == "/submit" {
                return .respond(ServedResponse(status: 303, headers: [("Location", "/result")]))
            }
            seen.record(request)
            return .respond(.text(200, "done"))
        }
        defer { server.shutdown() }

        _ = try await CurlHTTPClient().send(
            HTTPRequest(
                method: .post, url: server.baseURL.appending(path: "submit"),
                headers: ["Content-Type": "application/json"], body: Data("{}".utf8)))

        #expect(seen.current?.method == "GET")
        #expect(seen.current?.body.isEmpty == true)
    }

    @Test func tooManyRedirectsIsAnError() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(ServedResponse(status: 302, headers: [("Location", "/again")]))
        }
        defer { server.shutdown() }

        await #expect {
            _ = try await CurlHTTPClient(configuration: .init(maximumRedirects: 3)).send(
                HTTPRequest(url: server.baseURL))
        } throws: { error in
            guard case HTTPError.tooManyRedirects(_, _, let limit) = error else { return false }
            return limit == 3
        }
        #expect(server.requestsServed == 4)
    }

    @Test func credentialsAreNotSentOverPlainHTTPToAHostNotAllowed() async throws {
        let request = HTTPRequest(
            url: URL(string: "http://forge.shipshape-test.invalid/api/v4/user")!, headers: ["PRIVATE-TOKEN": "secret"])

        await #expect {
            _ = try await CurlHTTPClient().send(request)
        } throws: { error in
            guard case HTTPError.invalidRequest(_, _, let reason) = error else { return false }
            return reason.contains("not sent over plain http to forge.shipshape-test.invalid")
        }
    }

    @Test func plainHTTPIsAllowedForLoopbackAndForNamedHostsOnly() {
        let configuration = CurlHTTPClient.Configuration(plainHTTPCredentialHosts: [
            "git.internal", "registry.internal:5000",
        ])

        #expect(configuration.mayCarryCredentials(to: URL(string: "http://127.0.0.1:8080/x")!))
        #expect(configuration.mayCarryCredentials(to: URL(string: "http://localhost/x")!))
        #expect(configuration.mayCarryCredentials(to: URL(string: "http://git.internal/x")!))
        #expect(configuration.mayCarryCredentials(to: URL(string: "http://registry.internal:5000/v2/")!))
        #expect(!configuration.mayCarryCredentials(to: URL(string: "http://registry.internal:6000/v2/")!))
        #expect(!configuration.mayCarryCredentials(to: URL(string: "http://gitlab.example.com/api/v4")!))
        #expect(configuration.mayCarryCredentials(to: URL(string: "https://gitlab.example.com/api/v4")!))
    }

    /// Loopback is 127.0.0.0/8 written as an address: a name that merely starts with "127." is
    /// any host on the network.
    @Test func aHostNameStartingWith127IsNotLoopback() {
        #expect(URL(string: "http://127.0.0.1/x")!.isLoopback)
        #expect(URL(string: "http://127.1.2.3:8080/x")!.isLoopback)
        #expect(URL(string: "http://[::1]:8080/x")!.isLoopback)
        #expect(!URL(string: "http://127.0.0.1.forge.example.com/x")!.isLoopback)
        #expect(!URL(string: "http://127.internal/x")!.isLoopback)
        #expect(!URL(string: "http://127.0.0.256/x")!.isLoopback)
        #expect(
            !CurlHTTPClient.Configuration().mayCarryCredentials(
                to: URL(string: "http://127.0.0.1.forge.example.com/api/v4")!))
    }

    /// An origin's port is the scheme's default when none is written (RFC 6454): a forge whose
    /// links spell `:443` and one whose links leave it out are one origin.
    @Test func aDefaultPortWrittenOutIsTheSameOrigin() {
        #expect(
            URL(string: "https://gitlab.example.com/api/v4/projects?page=2")!.isSameOrigin(
                as: URL(string: "https://gitlab.example.com:443/api/v4/projects")!))
        #expect(URL(string: "http://127.0.0.1:80/x")!.isSameOrigin(as: URL(string: "http://127.0.0.1/y")!))
        #expect(
            !URL(string: "https://gitlab.example.com:80/x")!.isSameOrigin(
                as: URL(string: "https://gitlab.example.com/x")!))
        #expect(
            !URL(string: "http://gitlab.example.com:443/x")!.isSameOrigin(
                as: URL(string: "https://gitlab.example.com/x")!))
        #expect(
            !URL(string: "https://gitlab.example.com:8443/x")!.isSameOrigin(
                as: URL(string: "https://gitlab.example.com/x")!))
    }
}
