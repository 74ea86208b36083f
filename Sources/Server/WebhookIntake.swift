import Bot
import Forge
import Foundation

/// One delivery from arrival to answer, without HTTP: verify the signature before reading a
/// byte of the body, decode, decide the jobs, store them durably. The route turns the outcome
/// into a status code.
package struct WebhookIntake: Sendable {
    package enum Outcome: Sendable, Equatable {
        /// Stored: answer 202.
        case accepted(jobs: [Int64])
        /// Seen before (a redelivery): answer 202, nothing new stored.
        case duplicate
        /// Understood, nothing to do: answer 204.
        case nothing(String)
        /// Signature or token wrong or missing: answer 401.
        case refused(String)
        /// Verified but unreadable: answer 400.
        case malformed(String)
        /// No secret configured for this forge: answer 404, as if the route did not exist.
        case unknownForge
    }

    package let secrets: WebhookSecrets
    package let routing: EventRouting
    package let queue: any JobQueue
    /// With a GitHub App, re-runs of other apps' checks are not ours to answer.
    package let gitHubAppID: Int?
    /// Where installation events are remembered (the queue's database).
    package let installations: (any InstallationRegistry)?

    package init(
        secrets: WebhookSecrets, routing: EventRouting, queue: any JobQueue, gitHubAppID: Int? = nil,
        installations: (any InstallationRegistry)? = nil
    ) {
        self.secrets = secrets
        self.routing = routing
        self.queue = queue
        self.gitHubAppID = gitHubAppID
        self.installations = installations
    }

    /// The event as metrics name it, from a closed set: the signature covers the body, not the
    /// event header, so the header's own text could grow `/metrics` without end.
    static func metricLabel(_ event: WebhookEvent) -> String {
        switch event {
        case .pullRequest: "pull_request"
        case .comment: "comment"
        case .checkRerun: "check_rerun"
        case .push: "push"
        case .installation: "installation"
        case .ping: "ping"
        case .ignored: "other"
        }
    }

    /// An unverified header goes into logs only as a short run of safe characters.
    static func loggable(_ value: String?) -> String? {
        value.map { String($0.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(64)) }
    }

    /// `headers`: names lower-cased.
    package func receive(forge: ForgeKind, headers: [String: String], body: Data) async throws -> (
        outcome: Outcome, delivery: String?, event: String?
    ) {
        guard let secret = secrets.secret(for: forge) else { return (.unknownForge, nil, nil) }
        let deliveryHint = Self.loggable(
            headers["x-github-delivery"] ?? headers["x-gitea-delivery"] ?? headers["x-forgejo-delivery"]
                ?? headers["idempotency-key"] ?? headers["x-gitlab-event-uuid"])
        if case .refused(let why) = WebhookVerifier.verify(forge: forge, headers: headers, body: body, secret: secret) {
            return (.refused(why), deliveryHint, nil)
        }
        let delivery: WebhookDelivery
        do {
            delivery = try WebhookDecoder.decode(forge: forge, headers: headers, body: body, gitHubAppID: gitHubAppID)
        } catch {
            return (.malformed("\(error)"), deliveryHint, nil)
        }
        if case .installation(let id, let action, _, let repositories) = delivery.webEvent, let installations {
            try await installations.remember(installation: id, action: action, repositories: repositories)
            return (
                .nothing("installation \(id) \(action): \(repositories.count) repositories remembered"), delivery.id,
                Self.metricLabel(delivery.webEvent)
            )
        }
        switch routing.decide(delivery) {
        case .nothing(let why):
            return (.nothing(why), delivery.id, Self.metricLabel(delivery.webEvent))
        case .jobs(let jobs):
            var stored: [Int64] = []
            for job in jobs {
                if case .stored(let id) = try await queue.enqueue(job) { stored.append(id) }
            }
            return (
                stored.isEmpty ? .duplicate : .accepted(jobs: stored), delivery.id, Self.metricLabel(delivery.webEvent)
            )
        }
    }
}
