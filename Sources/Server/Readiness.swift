import Bot
import Forge
import Foundation
import Logging

/// What `/readyz` answers: the queue takes a write now, and no forge refused the bot's token (401)
/// when last asked. Forges are asked at most once per `forgeInterval` (a probe every few seconds
/// would spend the rate limit), each within `forgeTimeout` (the kubelet waits briefly). A forge
/// that is down, slow or rate-limiting is logged, not a problem: it says nothing about the token,
/// and an unready service would take no webhooks at all while the queue could keep them.
package actor Readiness {
    package typealias Check = @Sendable () async throws -> Void

    private let queue: any JobQueue
    private let forgeChecks: [(forge: String, check: Check)]
    private let forgeInterval: Duration
    private let forgeTimeout: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private var lastForgeVerdict: (at: ContinuousClock.Instant, problems: [Problem])?
    /// The forges being asked now: probes that come meanwhile wait for this answer instead of
    /// asking again (an actor lets them in while it waits), so a forge is asked at most once per
    /// interval however many probes arrive.
    private var askingForges: Task<[Problem], Never>?
    /// Probes waiting for `askingForges` (for tests).
    private(set) var probesWaitingForForges = 0
    private let logger: Logger

    /// `summary` is answered to whoever asks (the port also takes webhooks from the internet);
    /// `detail`, with the error, goes to the log.
    package struct Problem: Sendable, Equatable {
        package var summary: String
        package var detail: String
    }

    package init(
        queue: any JobQueue, forgeChecks: [(forge: String, check: Check)] = [], forgeInterval: Duration = .seconds(60),
        forgeTimeout: Duration = .seconds(10), now: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
        logger: Logger = Logger(label: "shipshape.readiness")
    ) {
        self.queue = queue
        self.logger = logger
        self.forgeChecks = forgeChecks
        self.forgeInterval = forgeInterval
        self.forgeTimeout = forgeTimeout
        self.now = now
    }

    /// Why the service is not ready; empty when it is.
    package func problems() async -> [Problem] {
        var problems: [Problem] = []
        do {
            try await queue.ping()
        } catch {
            problems.append(
                Problem(summary: "the queue does not take writes", detail: "the queue does not take writes: \(error)"))
        }
        return problems + (await forgeProblems())
    }

    private func forgeProblems() async -> [Problem] {
        if let last = lastForgeVerdict, now() - last.at < forgeInterval { return last.problems }
        if let askingForges {
            probesWaitingForForges += 1
            defer { probesWaitingForForges -= 1 }
            return await askingForges.value
        }
        let asking = Task { [forgeChecks, forgeTimeout, logger] in
            await Self.askForges(forgeChecks, timeout: forgeTimeout, logger: logger)
        }
        askingForges = asking
        let problems = await asking.value
        lastForgeVerdict = (now(), problems)
        askingForges = nil
        return problems
    }

    private static func askForges(
        _ forgeChecks: [(forge: String, check: Check)], timeout forgeTimeout: Duration, logger: Logger
    ) async -> [Problem] {
        var problems: [Problem] = []
        for (forge, check) in forgeChecks {
            do {
                try await Self.within(forgeTimeout, check)
            } catch let error as ForgeError where error.statusCode == 401 {
                let summary = "\(forge) does not accept the bot's credentials"
                problems.append(Problem(summary: summary, detail: "\(summary): \(error)"))
            } catch {
                logger.warning("cannot ask \(forge) whether it accepts the bot's credentials (still ready): \(error)")
            }
        }
        return problems
    }

    private static func within(_ limit: Duration, _ check: @escaping Check) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await check() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw ReadinessTimeout(limit: limit)
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}

struct ReadinessTimeout: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "no answer within \(limit)" }
}
