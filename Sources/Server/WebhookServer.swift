import Bot
import Forge
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The bot's HTTP face: `POST /webhooks/{github,gitea,gitlab}`, `GET /healthz`, `GET /readyz`
/// (the queue answers), `GET /metrics` (Prometheus).
public struct WebhookServer: Sendable {
    public let settings: ServerSettings
    public let intake: WebhookIntake
    public let metrics: ServerMetrics
    let logger: Logger

    public init(settings: ServerSettings, intake: WebhookIntake, metrics: ServerMetrics, logger: Logger = Logger(label: "shipshape.server")) {
        self.settings = settings
        self.intake = intake
        self.metrics = metrics
        self.logger = logger
    }

    /// The server as a service of the process, answering on threads of its own (`IntakeExecutor`);
    /// `onRunning` learns the bound port (useful with port 0).
    public func service(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some Service {
        IntakeService(wrapped: application(onRunning: onRunning))
    }

    func application(onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        let intake = self.intake, metrics = self.metrics, limit = settings.maximumBodyBytes, logger = self.logger
        router.post("/webhooks/:forge") { request, context -> Response in
            guard let name = context.parameters.get("forge"), let forge = ForgeKind(rawValue: name) else {
                return Response(status: .notFound)
            }
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: limit)
            } catch {
                metrics.webhook(forge: name, event: "unverified", outcome: "too_large")
                return Self.text(.contentTooLarge, "the delivery is larger than \(limit) bytes\n")
            }
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let received: (outcome: WebhookIntake.Outcome, delivery: String?, event: String?)
            do {
                received = try await intake.receive(forge: forge, headers: headers, body: Data(buffer: body))
            } catch {
                // Verified but not stored: the forge should deliver it again.
                metrics.webhook(forge: name, event: "unstored", outcome: "store_failed")
                logger.error("could not store a \(name) delivery: \(error)")
                return Self.text(.serviceUnavailable, "could not store the delivery; try again\n")
            }
            // Labels come only from verified deliveries: anyone can send any header.
            let event = received.event ?? "unverified"
            let delivery = received.delivery ?? "none"
            switch received.outcome {
            case .accepted(let jobs):
                metrics.webhook(forge: name, event: event, outcome: "accepted")
                logger.info("accepted delivery \(delivery) (\(event)): jobs \(jobs.map(String.init).joined(separator: ","))")
                return Self.text(.accepted, "stored\n")
            case .duplicate:
                metrics.webhook(forge: name, event: event, outcome: "duplicate")
                logger.info("delivery \(delivery) (\(event)) seen before")
                return Self.text(.accepted, "seen before\n")
            case .nothing(let why):
                metrics.webhook(forge: name, event: event, outcome: "ignored")
                return Response(status: .noContent, headers: [.init("X-Shipshape-Ignored")!: why])
            case .refused(let why):
                metrics.webhook(forge: name, event: event, outcome: "refused")
                // The delivery id is logged; the secret and the signatures never are.
                logger.warning("refused delivery \(delivery) for \(name): \(why)")
                return Self.text(.unauthorized, "signature check failed\n")
            case .malformed(let why):
                metrics.webhook(forge: name, event: event, outcome: "malformed")
                logger.warning("unreadable delivery \(delivery) for \(name): \(why)")
                return Self.text(.badRequest, "unreadable delivery: \(why)\n")
            case .unknownForge:
                return Response(status: .notFound)
            }
        }
        router.get("/healthz") { _, _ in Self.text(.ok, "ok\n") }
        router.get("/readyz") { _, _ -> Response in
            do {
                try await intake.queue.ping()
                return Self.text(.ok, "ready\n")
            } catch {
                return Self.text(.serviceUnavailable, "the queue is not reachable: \(error)\n")
            }
        }
        router.get("/metrics") { _, _ -> Response in
            if let depth = try? await intake.queue.depth() { metrics.queueDepth(depth) }
            return Self.text(.ok, metrics.exposition(), contentType: "text/plain; version=0.0.4")
        }
        return Application(router: router, configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "shipshape"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
