import Bot
import Dashboard
import Forge
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat
import ServiceLifecycle

/// The bot's HTTP face: `POST /webhooks/{github,gitea,gitlab}`, `GET /healthz`, `GET /readyz`
/// (the queue takes writes and the forges the credentials, see `Readiness`), `GET /metrics` (Prometheus),
/// and the dashboard's pages under `/dashboard/` when it is configured.
package struct WebhookServer: Sendable {
    package let settings: ServerSettings
    package let intake: WebhookIntake
    package let metrics: ServerMetrics
    let readiness: Readiness
    /// The pages under `/dashboard/`; nil (no `dashboard:` section) mounts none.
    let dashboard: DashboardSite?
    let logger: Logger

    /// `readiness`: nil asks the intake's queue alone.
    package init(
        settings: ServerSettings, intake: WebhookIntake, metrics: ServerMetrics, readiness: Readiness? = nil,
        dashboard: DashboardSite? = nil, logger: Logger = Logger(label: "shipshape.server")
    ) {
        self.settings = settings
        self.dashboard = dashboard
        self.intake = intake
        self.metrics = metrics
        self.readiness = readiness ?? Readiness(queue: intake.queue)
        self.logger = logger
    }

    /// The server as a service of the process, answering on threads of its own (`IntakeExecutor`);
    /// `onRunning` learns the bound port (useful with port 0).
    package func service(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some Service {
        IntakeService(wrapped: application(onRunning: onRunning))
    }

    func application(onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        let intake = self.intake
        let metrics = self.metrics
        let limit = settings.maximumBodyBytes
        let logger = self.logger
        let readiness = self.readiness
        let budget = IntakeBudget(
            maximumBodies: settings.maximumConcurrentBodies, maximumBytes: settings.maximumBufferedBytes)
        metrics.bodiesInFlight(0, bytes: 0)
        router.post("/webhooks/:forge") { request, context -> Response in
            guard let name = context.parameters.get("forge"), let forge = ForgeKind(rawValue: name),
                let secret = intake.secrets.secret(for: forge)
            else {
                return Response(status: .notFound)
            }
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            // Everything the headers can tell is judged before a byte of the body is read.
            if let refusal = Self.refusalBeforeBody(forge: forge, headers: headers, secret: secret, limit: limit) {
                metrics.webhook(forge: name, event: "unverified", outcome: refusal.outcome)
                if refusal.status == .unauthorized {
                    logger.warning(
                        "refused delivery \(WebhookIntake.loggable(Self.deliveryHint(headers)) ?? "none") for \(name) before its body: \(refusal.why)"
                    )
                }
                // As after the body: the reason is logged, not told to whoever sent it.
                return Self.text(
                    refusal.status, refusal.status == .unauthorized ? "signature check failed\n" : refusal.why + "\n")
            }
            let reserved = min(headers["content-length"].flatMap { Int($0) } ?? limit, limit)
            guard budget.reserve(reserved) else {
                metrics.webhook(forge: name, event: "unverified", outcome: "busy")
                var response = Self.text(.serviceUnavailable, "too many deliveries are being read; try again\n")
                response.headers[.retryAfter] = "5"
                return response
            }
            defer {
                budget.release(reserved)
                metrics.bodiesInFlight(budget.inFlight.bodies, bytes: budget.inFlight.bytes)
            }
            metrics.bodiesInFlight(budget.inFlight.bodies, bytes: budget.inFlight.bytes)
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: limit)
            } catch let error as HTTPError where error.status == .contentTooLarge {
                metrics.webhook(forge: name, event: "unverified", outcome: "too_large")
                return Self.text(.contentTooLarge, "the delivery is larger than \(limit) bytes\n")
            } catch {
                metrics.webhook(forge: name, event: "unverified", outcome: "truncated")
                return Self.text(.badRequest, "the delivery ended before its body was complete\n")
            }
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
                logger.info(
                    "accepted delivery \(delivery) (\(event)): jobs \(jobs.map(String.init).joined(separator: ","))")
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
            let problems = await readiness.problems()
            guard problems.isEmpty else {
                logger.warning("not ready: \(problems.map(\.detail).joined(separator: "; "))")
                return Self.text(.serviceUnavailable, problems.map(\.summary).joined(separator: "\n") + "\n")
            }
            return Self.text(.ok, "ready\n")
        }
        router.get("/metrics") { _, _ -> Response in
            if let depth = try? await intake.queue.depth() { metrics.queueDepth(depth) }
            await metrics.collect()
            return Self.text(.ok, metrics.exposition(), contentType: "text/plain; version=0.0.4")
        }
        dashboard?.addRoutes(to: router)
        let idle = settings.idleTimeout.components
        let idleTimeout = TimeAmount.nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000)
        return Application(
            router: router, server: .http1(configuration: .init(idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "shipshape"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    /// Why a delivery is answered from its headers alone: a body over the limit by its
    /// Content-Length (413), not JSON (415), a signature missing or malformed (401).
    static func refusalBeforeBody(forge: ForgeKind, headers: [String: String], secret: String, limit: Int)
        -> (status: HTTPResponse.Status, outcome: String, why: String)?
    {
        if let declared = headers["content-length"].flatMap({ Int($0) }), declared > limit {
            return (.contentTooLarge, "too_large", "the delivery is larger than \(limit) bytes")
        }
        let mediaType = headers["content-type"]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
            .lowercased()
        guard mediaType == "application/json" else {
            return (
                .unsupportedMediaType, "unsupported_media_type",
                "deliveries must be application/json (set the webhook's content type to JSON)"
            )
        }
        if case .refused(let why) = WebhookVerifier.verifyHeaders(forge: forge, headers: headers, secret: secret) {
            return (.unauthorized, "refused", why)
        }
        return nil
    }

    static func deliveryHint(_ headers: [String: String]) -> String? {
        headers["x-github-delivery"] ?? headers["x-gitea-delivery"] ?? headers["x-forgejo-delivery"] ?? headers[
            "idempotency-key"] ?? headers["x-gitlab-event-uuid"]
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, contentType: String = "text/plain; charset=utf-8")
        -> Response
    {
        Response(
            status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
