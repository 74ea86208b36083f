import Foundation
import ShipshapeTesting
import Synchronization
import Testing

/// The webhook server answers on threads of its own. Regression: it answered on Swift's shared
/// pool, so while that pool was busy (workers checking, or in CI every other test) a forge's POST
/// waited and timed out.
@Suite struct IntakeIsolationTests {
    /// Holds every thread of Swift's shared pool until lifted. The test lifts it whatever the POST
    /// comes to (Python gives up after 20 s), so a failing test cannot hang the run; a thread held
    /// by another test's long job only delays the start.
    final class PoolBlockade: Sendable {
        let width = ProcessInfo.processInfo.activeProcessorCount
        private let held = DispatchSemaphore(value: 0)
        private let lifted = DispatchSemaphore(value: 0)

        func start() {
            for _ in 0..<width { Task.detached { self.hold() } }
        }

        private func hold() {
            held.signal()
            lifted.wait()
        }

        func waitUntilHeld() {
            for _ in 0..<width { held.wait() }
        }

        func lift() {
            for _ in 0..<width { lifted.signal() }
        }
    }

    final class Flag: Sendable {
        private let value = Atomic<Bool>(false)
        func set() { value.store(true, ordering: .sequentiallyConsistent) }
        var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
    }

    /// Posts a signed delivery with Python's urllib: nothing of this process's pool is involved.
    static let post = """
        import sys, urllib.request
        url, path, signature = sys.argv[1:4]
        headers = {"Content-Type": "application/json", "X-GitHub-Event": "pull_request",
                   "X-GitHub-Delivery": "held-pool-1", "X-Hub-Signature-256": signature}
        request = urllib.request.Request(url, data=open(path, "rb").read(), method="POST", headers=headers)
        try:
            print(urllib.request.urlopen(request, timeout=20).status)
        except Exception as error:
            print(error)
        """

    @Test func aDeliveryIsStoredAndAnsweredWhileTheSharedPoolIsHeld() async throws {
        let server = try await RunningServer()
        let body = try WebhookExamples.data("github/webhooks/pull_request/opened.payload.json")
        let bodyFile = server.folder.appending(path: "delivery.json")
        try body.write(to: bodyFile)
        let signature = try "sha256=" + OpenSSLTool.hmacSHA256(key: RunningServer.secret, data: body)
        let url = server.base.appending(path: "/webhooks/github").absoluteString

        let blockade = PoolBlockade()
        let probeRan = Flag()
        let (answer, ranWhileHeld) = await withCheckedContinuation { continuation in
            Thread {
                blockade.start()
                blockade.waitUntilHeld()
                // A task started now can only run once the blockade lifts, if it holds the whole pool.
                Task.detached { probeRan.set() }
                let answer = (try? ProcessRunner.tool("python3", ["-c", Self.post, url, bodyFile.path, signature]).output) ?? "python3 did not run"
                let ranWhileHeld = probeRan.isSet
                blockade.lift()
                continuation.resume(returning: (answer, ranWhileHeld))
            }.start()
        }
        #expect(!ranWhileHeld, "the blockade did not hold the shared pool, so this test proves nothing here")
        #expect(answer.trimmingCharacters(in: .whitespacesAndNewlines) == "202", "\(answer)")
        #expect(try await server.jobs() == 1)
        await server.stop()
    }
}
